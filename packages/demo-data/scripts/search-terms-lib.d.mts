export function pinyinTerms(text: string): string[];
export function computeSearchTerms(specs: readonly { code: string; name: readonly [string, string]; keywords: readonly string[] }[]): Record<string, string[]>;
export function renderSearchTermsModule(map: Record<string, string[]>): string;
