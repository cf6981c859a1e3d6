import type { GrievanceReceipt, Locale } from '@linli/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDay } from './format.js';
import type { Translate } from './form-model.js';

export interface ReceiptContext {
  locale: Locale;
  now: Date;
  t: Translate;
  announcement: string;
  copy(which: 'tracking' | 'access'): void;
  print(): void;
  track(): void;
  another(): void;
}

/** The receipt: both codes large and copyable, what to do with them, and the next steps. */
export function renderReceipt(receipt: GrievanceReceipt, ctx: ReceiptContext): TemplateResult {
  const { t } = ctx;
  return html`<section class="receipt" part="receipt" aria-labelledby="receipt-title">
    <h2 id="receipt-title" class="receipt-title" tabindex="-1">${t('receiptTitle')}</h2>
    <p class="receipt-explain">${t('receiptExplain')}</p>
    <dl class="codes">
      <div class="code-row">
        <dt>${t('trackingCode')}</dt>
        <dd>
          <span class="code" id="tracking-code" part="code">${receipt.trackingCode}</span>
          <button class="btn secondary no-print" type="button" @click=${() => ctx.copy('tracking')}>${t('copyTracking')}</button>
        </dd>
      </div>
      <div class="code-row">
        <dt>${t('accessCode')}</dt>
        <dd>
          <span class="code" id="access-code" part="code">${receipt.accessCode}</span>
          <button class="btn secondary no-print" type="button" @click=${() => ctx.copy('access')}>${t('copyAccess')}</button>
        </dd>
      </div>
    </dl>
    <p class="copy-status no-print" role="status">${ctx.announcement}</p>
    ${receipt.expectedAt ? html`<p class="expected" part="expected">${t('expected', { date: formatDay(receipt.expectedAt, ctx.locale, ctx.now) })}</p>` : nothing}
    <div class="actions no-print">
      <button class="btn" type="button" part="track-button" @click=${ctx.track}>${t('track')}</button>
      <button class="btn secondary" type="button" @click=${ctx.print}>${t('print')}</button>
      <button class="btn secondary" type="button" @click=${ctx.another}>${t('another')}</button>
    </div>
  </section>`;
}
