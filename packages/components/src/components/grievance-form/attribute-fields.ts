import { localize, type AttributeDefinition, type AttributeValue, type Locale } from '@linli/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { describedBy, fieldError } from './error-summary.js';
import { fieldId } from './form-model.js';

/** Lists this long or shorter are radios (every choice visible); longer ones are a select. */
const RADIO_LIMIT = 5;

export interface AttributeFieldContext {
  locale: Locale;
  value: AttributeValue | undefined;
  error?: string;
  text: { required: string; errorPrefix: string; yes: string; no: string; choose: string };
  change(value: AttributeValue | undefined): void;
  blur(): void;
}

const asString = (v: AttributeValue | undefined) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** One dynamic attribute from a service's `definition`, as the control its datatype calls for. */
export function renderAttribute(def: AttributeDefinition, ctx: AttributeFieldContext): TemplateResult {
  const id = fieldId(`attr:${def.code}`);
  const label = localize(def.description, ctx.locale);
  if (def.datatype === 'note') return html`<p class="note" part="note">${label}</p>`;

  const required = def.required ? html`<span class="required">${ctx.text.required}</span>` : nothing;
  const invalid = ctx.error ? 'true' : 'false';
  const error = fieldError(id, ctx.error, ctx.text.errorPrefix);
  const described = describedBy(id, { error: Boolean(ctx.error) });
  const onInput = (e: Event) => ctx.change((e.target as HTMLInputElement).value);
  const blur = () => ctx.blur();

  const choices = (def.values ?? []).map((v) => ({ key: v.key, label: localize(v.name, ctx.locale) }));

  switch (def.datatype) {
    case 'text':
      return html`<div class="field ${ctx.error ? 'has-error' : ''}">
        <label for=${id}>${label}${required}</label>
        ${error}
        <textarea id=${id} rows="4" aria-invalid=${invalid} aria-describedby=${described} .value=${asString(ctx.value)} @input=${onInput} @blur=${blur}></textarea>
      </div>`;

    case 'singlevaluelist':
      if (choices.length > RADIO_LIMIT) {
        return html`<div class="field ${ctx.error ? 'has-error' : ''}">
          <label for=${id}>${label}${required}</label>
          ${error}
          <select id=${id} aria-invalid=${invalid} aria-describedby=${described} @change=${(e: Event) => ctx.change((e.target as HTMLSelectElement).value || undefined)} @blur=${blur}>
            <option value="" ?selected=${!ctx.value}>${ctx.text.choose}</option>
            ${choices.map((c) => html`<option value=${c.key} ?selected=${ctx.value === c.key}>${c.label}</option>`)}
          </select>
        </div>`;
      }
      return choiceGroup(def, id, label, required, error, described, ctx, 'radio', choices);

    case 'multivaluelist':
      return choiceGroup(def, id, label, required, error, described, ctx, 'checkbox', choices);

    case 'boolean':
      // A yes/no pair rather than one checkbox: "no" is an answer too, and a required question needs one.
      return choiceGroup(def, id, label, required, error, described, ctx, 'boolean', [
        { key: 'true', label: ctx.text.yes },
        { key: 'false', label: ctx.text.no },
      ]);

    default: {
      const type = def.datatype === 'number' ? 'number' : def.datatype === 'datetime' ? 'datetime-local' : 'text';
      return html`<div class="field ${ctx.error ? 'has-error' : ''}">
        <label for=${id}>${label}${required}</label>
        ${error}
        <input
          id=${id}
          type=${type}
          inputmode=${def.datatype === 'number' ? 'decimal' : nothing}
          step=${def.datatype === 'number' ? 'any' : nothing}
          class=${def.datatype === 'string' ? 'wide' : ''}
          aria-invalid=${invalid}
          aria-describedby=${described}
          .value=${asString(ctx.value)}
          @input=${onInput}
          @change=${onInput}
          @blur=${blur}
        />
      </div>`;
    }
  }
}

function choiceGroup(
  def: AttributeDefinition,
  id: string,
  label: string,
  required: TemplateResult | typeof nothing,
  error: TemplateResult | typeof nothing,
  described: string | typeof nothing,
  ctx: AttributeFieldContext,
  kind: 'radio' | 'checkbox' | 'boolean',
  choices: { key: string; label: string }[],
): TemplateResult {
  const selected = (key: string) =>
    kind === 'checkbox' ? Array.isArray(ctx.value) && ctx.value.includes(key) : kind === 'boolean' ? String(ctx.value) === key && ctx.value !== undefined : ctx.value === key;
  const pick = (key: string, checked: boolean) => {
    if (kind === 'radio') ctx.change(key);
    else if (kind === 'boolean') ctx.change(key === 'true');
    else {
      const current = Array.isArray(ctx.value) ? ctx.value : [];
      const next = checked ? [...current.filter((k) => k !== key), key] : current.filter((k) => k !== key);
      // Keep the definition's order, not the click order.
      ctx.change(choices.map((c) => c.key).filter((k) => next.includes(k)));
    }
  };
  // The first control carries the field id, so the error summary can move focus into the group.
  return html`<fieldset class="field choices ${kind === 'boolean' ? 'inline' : ''} ${ctx.error ? 'has-error' : ''}" aria-describedby=${described}>
    <legend>${label}${required}</legend>
    ${error}
    ${choices.map(
      (c, i) => html`<div class="choice">
        <input
          id=${i === 0 ? id : `${id}-${i}`}
          type=${kind === 'checkbox' ? 'checkbox' : 'radio'}
          name=${`attr-${def.code}`}
          value=${c.key}
          aria-invalid=${ctx.error ? 'true' : 'false'}
          .checked=${selected(c.key)}
          @change=${(e: Event) => pick(c.key, (e.target as HTMLInputElement).checked)}
          @blur=${() => ctx.blur()}
        />
        <label for=${i === 0 ? id : `${id}-${i}`}>${c.label}</label>
      </div>`,
    )}
  </fieldset>`;
}
