import { html, nothing, type TemplateResult } from 'lit';

/** One problem to fix; `fieldId` links the summary entry to the control that receives focus. */
export interface SummaryItem {
  text: string;
  fieldId?: string;
}

/**
 * The GOV.UK / GC error summary: a focusable alert above the form listing every problem, each a link
 * that moves focus to its field. Links use `#id` for no-JS readers but focus through shadow DOM in JS.
 */
export function errorSummary(title: string, items: SummaryItem[], focusField: (id: string) => void): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  const go = (e: Event, id: string) => {
    e.preventDefault();
    focusField(id);
  };
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title" class="error-summary-title">${title}</h2>
    <ul>
      ${items.map((item) =>
        item.fieldId
          ? html`<li><a href="#${item.fieldId}" @click=${(e: Event) => go(e, item.fieldId!)}>${item.text}</a></li>`
          : html`<li>${item.text}</li>`,
      )}
    </ul>
  </div>`;
}

/** Focuses a control inside `root` and brings it (with its label) into view. */
export function focusControl(root: ShadowRoot | null, id: string): void {
  const el = root?.getElementById(id) as HTMLElement | null;
  if (!el) return;
  el.focus();
  const label = root?.querySelector(`label[for="${CSS.escape(id)}"]`) ?? el.closest('fieldset');
  (label ?? el).scrollIntoView?.({ block: 'center' });
}

/** Inline message under a field; its id is what the control's `aria-describedby` points to. */
export function fieldError(id: string, message: string | undefined, prefix: string): TemplateResult | typeof nothing {
  return message ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${prefix}</span>${message}</p>` : nothing;
}

/** Joins the ids of a field's hint and error (and any extras) for `aria-describedby`. */
export function describedBy(id: string, opts: { hint?: boolean; error?: boolean; extra?: string[] }): string | typeof nothing {
  const ids = [opts.hint ? `${id}-hint` : '', opts.error ? `${id}-error` : '', ...(opts.extra ?? [])].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}
