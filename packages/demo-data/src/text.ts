import type { LocalizedText } from '@linli/sdk';

/** A zh-CN text with an optional English rendering; zh-TW is left to fall back to zh-CN. */
export function t(zh: string, en?: string): LocalizedText {
  return en ? { 'zh-CN': zh, en } : { 'zh-CN': zh };
}

/** Zero-padded sequence ids such as g-0001, t-000001. */
export function seqId(prefix: string, n: number, width = 4): string {
  return `${prefix}-${String(n).padStart(width, '0')}`;
}
