// Only zod-free SDK modules (scale, localize, errors) and types: the widget has a 14 KB budget (SPEC §8).
import {
  evaluationLevelLabels,
  isBadLevel,
  LinliError,
  localize,
  reasonsForLevel,
  indicatorSets,
  currentIndicatorSetVersion,
  type Evaluation,
  type EvaluationLevel,
  type EvaluationTargetType,
  type NetworkError,
} from '@linli/sdk';
import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LinliElement } from '../../base/linli-element.js';
import { errorState } from '../../base/states.js';
import { translate } from '../../i18n/translate.js';
import { messages } from './evaluation.messages.js';
import { styles } from './evaluation.styles.js';

type Key = keyof (typeof messages)['zh-CN'];
type Pick = 'indicators' | 'reasons';
/** Why the form is replaced by a notice: each is final for this matter, or handled by the outbox. */
type Outcome = 'conflict' | 'notResolved' | 'queued' | 'unsupported';

const LEVELS: readonly EvaluationLevel[] = [5, 4, 3, 2, 1];
const MAX = 500;
/** The SDK's rule for a rater phone, checked here so a typo never costs a round trip. */
const PHONE = /^\+?[0-9 -]{5,20}$/;

const newKey = (): string =>
  crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** 138****8000: a phone echoed back is never shown in full. */
export const maskPhone = (phone: string): string => {
  const d = phone.replace(/\D/g, '');
  return d.length < 7 ? '****' : `${d.slice(0, 3)}****${d.slice(-4)}`;
};

/** The mouth of each face, from a wide smile (5) to a deep frown (1). */
const MOUTHS = ['', 'M7 17.5q5-6 10 0', 'M8 16.5q4-3 8 0', 'M8 15.5h8', 'M8 14.5q4 3 8 0', 'M7 13.5q5 6 10 0z'];
const face = (level: EvaluationLevel) =>
  svg`<svg viewBox="0 0 24 24" aria-hidden="true" part="level-icon" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"><circle cx="12" cy="12" r="10"/><path d="M8.5 9.5h0M15.5 9.5h0" stroke-width="2.6"/><path d=${MOUTHS[level]}/></svg>`;

/**
 * @summary The 好差评 widget: five labelled levels (none pre-selected), level-dependent indicators and
 * reasons, a comment, call-back consent, then a thank-you that says what happens next. Form-associated.
 *
 * @csspart base - The wrapper.
 * @csspart question - The question above the levels.
 * @csspart levels - The radio group.
 * @csspart level - One level (role="radio").
 * @csspart level-icon - The face in a level.
 * @csspart level-label - The text label in a level.
 * @csspart details - What appears once a level is chosen (indicators, reasons, comment, consent).
 * @csspart submit - The submit button.
 * @csspart thanks - The thank-you panel.
 * @csspart note - A notice in place of the form (already rated, not yet resolved, saved offline, not offered).
 * @csspart error - A failed submission, with a retry button.
 *
 * @cssproperty --linli-evaluation-icon-size - Size of the faces (default 2.25rem × font scale).
 * @cssproperty --linli-color-primary - The chosen level and the submit button.
 * @cssproperty --linli-font-scale - Scales text and targets (large-text mode sets 1.25).
 *
 * @event change - The chosen level changed (native, like an `<input>`).
 * @event linli-evaluation-change - The chosen level changed; `detail.level`.
 * @event linli-evaluation-submit - A self-submitted rating was saved; `detail` is the saved evaluation.
 */
export class LinliEvaluation extends LinliElement {
  static override styles = styles;
  static formAssociated = true;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** What is rated: `grievance` (一事一评 of a matter), `service`, `staff`, `window` or `org-unit`. */
  @property({ attribute: 'target-type' }) targetType: EvaluationTargetType = 'service';
  @property({ attribute: 'target-id' }) targetId = '';
  /** The 查询码 proving the rater reported the grievance (the tracker passes it). */
  @property({ attribute: 'access-code' }) accessCode?: string;
  /** `per-matter` (一事一评, default) or `per-visit` (一次一评: the thank-you offers to rate the next visit). */
  @property() mode: 'per-matter' | 'per-visit' = 'per-matter';
  /** Form field name; details go under `${name}-comment`, `${name}-reasons` … */
  @property({ reflect: true }) name?: string;
  /** The chosen level as a string (`'1'`–`'5'`), `''` while none is chosen. */
  @property() value = '';
  @property({ type: Boolean, reflect: true }) required = false;
  @property({ type: Boolean, reflect: true }) disabled = false;
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Only the five levels, for embedding in a host form. */
  @property({ type: Boolean, reflect: true }) compact = false;
  /** `auto`: inside a `<form>` the form carries the value, elsewhere the widget submits; `self`: always submit to the client. */
  @property({ attribute: 'submit-mode' }) submitMode: 'auto' | 'self' = 'auto';

  @state() private indicators = new Set<string>();
  @state() private reasons = new Set<string>();
  @state() private comment = '';
  @state() private consent = false;
  @state() private raterName = '';
  @state() private raterPhone = '';
  @state() private busy = false;
  @state() private showInvalid = false;
  @state() private formDisabled = false;
  @state() private announce = '';
  @state() private failure?: string;
  @state() private outcome?: Outcome;
  @state() private saved?: Evaluation;

  private readonly internals = this.attachInternals();
  /** One key per attempt-session: a double click or a retry replays the request instead of rating twice. */
  private key?: string;
  private stopOutbox?: () => void;

  constructor() {
    super();
    this.addEventListener('invalid', () => (this.showInvalid = true));
  }

  /** The chosen level, or undefined while none is chosen. */
  get level(): EvaluationLevel | undefined {
    return LEVELS.find((l) => String(l) === this.value);
  }
  get form() {
    return this.internals.form;
  }
  get validity() {
    return this.internals.validity;
  }
  get validationMessage() {
    return this.internals.validationMessage;
  }
  checkValidity() {
    return this.internals.checkValidity();
  }
  reportValidity() {
    return this.internals.reportValidity();
  }

  formResetCallback() {
    this.reset();
  }
  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled;
  }
  formStateRestoreCallback(restored: unknown) {
    if (typeof restored === 'string') this.value = restored;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopOutbox?.();
  }

  private t(key: Key, params?: Record<string, string | number>) {
    return translate(messages, this.locale, key, params);
  }
  private label(level: EvaluationLevel) {
    return localize(evaluationLevelLabels[level], this.locale);
  }
  private $(selector: string) {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }
  private get off() {
    return this.disabled || this.formDisabled;
  }
  /** Only a bad rating shows (and sends) the name and phone. */
  private get phoneBad() {
    const p = this.raterPhone.trim();
    return !this.compact && isBadLevel(Number(this.level)) && !!p && !PHONE.test(p);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    // Reasons differ by level (good / neutral / bad): drop those that no longer apply.
    if (changed.has('value') && this.level) {
      const allowed = reasonsForLevel(this.level).map((r) => r.code);
      this.reasons = new Set([...this.reasons].filter((r) => allowed.includes(r)));
    }
  }

  protected override updated() {
    // Checkboxes are synced here, not bound: Lit reuses them by position when the reason list changes with the level.
    for (const box of this.renderRoot.querySelectorAll<HTMLInputElement>('[type=checkbox]')) {
      box.checked = box.name === 'consent' ? this.consent : this[box.name as Pick].has(box.value);
    }
    this.syncForm();
  }

  /** The form value (the level, plus the details under `${name}-…`) and validity. */
  private syncForm() {
    const { level, name } = this;
    const data = new FormData();
    if (name && level && !this.compact) {
      data.set(name, this.value);
      this.indicators.forEach((c) => data.append(`${name}-indicators`, c));
      this.reasons.forEach((c) => data.append(`${name}-reasons`, c));
      const extra: Record<string, string> = { comment: this.comment.trim(), 'contact-consent': this.consent ? 'on' : '' };
      if (isBadLevel(level)) Object.assign(extra, { 'rater-name': this.raterName.trim(), 'rater-phone': this.raterPhone.trim() });
      for (const [k, v] of Object.entries(extra)) if (v) data.set(`${name}-${k}`, v);
    }
    this.internals.setFormValue(data.has(name ?? '') ? data : level ? this.value : null, this.value);
    const anchor = this.$('[role=radio]');
    if (this.required && !level && anchor) this.internals.setValidity({ valueMissing: true }, this.t('pickLevel'), anchor);
    else if (this.phoneBad) this.internals.setValidity({ patternMismatch: true }, this.t('phoneInvalid'), this.$('#rp')!);
    else this.internals.setValidity({});
  }

  private choose(level: EvaluationLevel) {
    void this.updateComplete.then(() => this.$(`[data-level="${level}"]`)?.focus());
    if (this.off || this.readonly || level === this.level) return;
    this.value = String(level);
    this.showInvalid = false;
    this.announce = this.t('chosen', { label: this.label(level) });
    this.dispatchEvent(new Event('change', { bubbles: true }));
    this.emit('linli-evaluation-change', { level });
  }

  /** Like native radios: arrows move focus and selection together (readonly: focus only). */
  private onKey(e: KeyboardEvent) {
    const current = Number((e.target as HTMLElement).dataset.level) as EvaluationLevel;
    const i = LEVELS.indexOf(current);
    const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: 4, ' ': i, Enter: i }[e.key];
    if (to === undefined || this.off) return;
    e.preventDefault();
    this.choose(LEVELS[(to + 5) % 5]!);
  }

  private onCheck(e: Event) {
    const { name, value, checked } = e.target as HTMLInputElement;
    if (name === 'consent') return void (this.consent = checked);
    const next = new Set(this[name as Pick]);
    if (checked) next.add(value);
    else next.delete(value);
    this[name as Pick] = next;
  }

  private reset() {
    this.value = this.comment = this.raterName = this.raterPhone = this.announce = '';
    this.indicators = new Set();
    this.reasons = new Set();
    this.consent = this.showInvalid = false;
    this.failure = this.outcome = this.saved = this.key = undefined;
  }

  /** Sends the rating to the client. A second call while one is running does nothing. */
  async submit(): Promise<void> {
    const { level, api } = this;
    if (this.busy || this.off) return;
    if (!level || this.phoneBad) {
      this.showInvalid = true;
      return void this.$(level ? '#rp' : '[role=radio]')?.focus();
    }
    if (!api) return void (this.failure = this.common('errorNoClient'));
    const bad = isBadLevel(level);
    const name = bad ? this.raterName.trim() : '';
    const phone = bad ? this.raterPhone.trim() : '';
    this.key ??= newKey();
    this.busy = true;
    this.failure = undefined;
    try {
      const saved = await api.evaluations.submit(
        {
          target: { type: this.targetType, id: this.targetId },
          mode: this.mode,
          level,
          indicators: [...this.indicators],
          reasons: [...this.reasons],
          comment: this.comment.trim() || undefined,
          contactConsent: this.consent,
          realName: !!(name || phone),
          rater: name || phone ? { name: name || undefined, phone: phone || undefined } : undefined,
          accessCode: this.targetType === 'grievance' ? this.accessCode : undefined,
        },
        { idempotencyKey: this.key },
      );
      this.done(saved);
    } catch (err) {
      const code = LinliError.is(err) ? err.code : '';
      const queuedAs = (err as NetworkError).queuedAs;
      if (code === 'conflict') this.outcome = 'conflict';
      else if (code === 'illegal_transition') this.outcome = 'notResolved';
      else if (code === 'unsupported') this.outcome = 'unsupported';
      else if (code === 'network' && queuedAs) {
        this.outcome = 'queued';
        // The outbox delivers it later (same idempotency key); then show the thank-you.
        this.stopOutbox = api.outbox?.subscribe((e) => e.type === 'delivered' && e.item.id === queuedAs && this.done(e.result as Evaluation));
      } else this.failure = this.describeError(err);
    } finally {
      this.busy = false;
    }
  }

  private done(saved: Evaluation) {
    this.stopOutbox?.();
    this.saved = saved;
    this.outcome = undefined;
    this.emit('linli-evaluation-submit', saved);
    void this.updateComplete.then(() => this.$('h2')?.focus());
  }

  override render() {
    const { api, level, saved, outcome } = this;
    if ((api && !api.supports('evaluations')) || outcome === 'unsupported') return this.note('unsupported');
    if (saved) return this.renderThanks(saved);
    if (outcome) return this.note(outcome);
    const invalid = this.showInvalid && !level;
    const a = (on: boolean) => (on ? 'true' : 'false');
    return html`<div part="base">
      <p class="q" id="q" part="question">${this.t('question')}</p>
      <div
        role="radiogroup"
        class="levels"
        part="levels"
        aria-labelledby="q"
        aria-describedby=${invalid ? 'invalid' : nothing}
        aria-required=${a(this.required)}
        aria-readonly=${a(this.readonly)}
        aria-invalid=${a(invalid)}
        @keydown=${this.onKey}
      >
        ${LEVELS.map(
          (l, i) =>
            html`<div
              role="radio"
              class="level"
              part="level"
              data-level=${l}
              aria-checked=${a(l === level)}
              aria-disabled=${a(this.off)}
              tabindex=${!this.off && (level ? l === level : !i) ? 0 : -1}
              @click=${() => this.choose(l)}
            >
              ${face(l)}<span part="level-label">${this.label(l)}</span>
            </div>`,
        )}
      </div>
      ${invalid ? html`<p class="invalid" id="invalid">${this.t('pickLevel')}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.announce}</p>
      ${level && !this.compact ? this.renderDetails(level) : nothing}
      ${this.failure
        ? errorState(this.t('failed'), this.failure, this.common('retry'), () => void this.submit())
        : (this.submitMode === 'self' || !this.form) && !this.compact && !this.readonly
        ? html`<button class="btn" type="button" part="submit" ?disabled=${this.off} aria-disabled=${a(this.busy)} @click=${this.submit}>
            ${this.t(this.busy ? 'submitting' : 'submit')}
          </button>`
        : nothing}
    </div>`;
  }

  private renderDetails(level: EvaluationLevel) {
    const set = indicatorSets[currentIndicatorSetVersion]!;
    const bad = isBadLevel(level);
    const ro = this.off || this.readonly;
    const box = (name: string, value: string, text: string) =>
      html`<label class="opt"><input type="checkbox" name=${name} value=${value} ?disabled=${ro} @change=${this.onCheck} />${text}</label>`;
    const group = (legend: Key, group: Pick, options: { code: string; label: Parameters<typeof localize>[0] }[]) =>
      html`<fieldset>
        <legend>${this.t(legend)}</legend>
        ${options.map((o) => box(group, o.code, localize(o.label, this.locale)))}
      </fieldset>`;
    const field = (id: string, text: Key, value: string, set: (v: string) => void, attrs: { type?: string; auto?: string; max: number }) =>
      html`<div class="field">
        <label for=${id}>${this.t(text)}</label>
        <input
          id=${id}
          type=${attrs.type ?? 'text'}
          autocomplete=${attrs.auto ?? nothing}
          maxlength=${attrs.max}
          aria-describedby=${id === 'rp' && this.phoneBad ? 'rp-err' : 'hint'}
          aria-invalid=${id === 'rp' && this.phoneBad ? 'true' : 'false'}
          ?disabled=${this.off}
          ?readonly=${this.readonly}
          .value=${value}
          @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
        />
      </div>`;
    return html`<div part="details">
      ${group(level >= 4 ? 'good' : 'improve', 'indicators', set.indicators)} ${group('reasons', 'reasons', reasonsForLevel(level, set))}
      ${bad ? html`<p class="note">${this.t('badNote')}</p>` : nothing}
      <div class="field">
        <label for="comment">${this.t('comment')}</label>
        <textarea
          id="comment"
          maxlength=${MAX}
          aria-describedby="count"
          ?disabled=${this.off}
          ?readonly=${this.readonly}
          .value=${this.comment}
          @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p class="hint" id="count">${this.t('counter', { n: this.comment.length, max: MAX })}</p>
      </div>
      <div class="field">${box('consent', 'on', this.t('consent'))}</div>
      ${bad
        ? html`<p class="hint" id="hint">${this.t('contactHint')}</p>
            <div class="row">
              ${field('rn', 'name', this.raterName, (v) => (this.raterName = v), { auto: 'name', max: 40 })}
              ${field('rp', 'phone', this.raterPhone, (v) => (this.raterPhone = v), { type: 'tel', auto: 'tel', max: 20 })}
            </div>
            ${this.phoneBad ? html`<p class="invalid" id="rp-err">${this.t('phoneInvalid')}</p>` : nothing}`
        : nothing}
    </div>`;
  }

  private note(key: Key) {
    return html`<div class="status" part="note" role=${key === 'queued' ? 'status' : 'alert'}><p>${this.t(key)}</p></div>`;
  }

  private renderThanks(e: Evaluation) {
    const phone = this.raterPhone.trim();
    return html`<div class="status done" part="thanks" role="status">
      <h2 tabindex="-1">${this.t('thanks')}</h2>
      <p>${this.t('yourLevel', { label: this.label(e.level) })}</p>
      ${e.rectificationId
        ? html`<p>${this.t('rectify')}</p>
            ${e.contactConsent ? html`<p>${this.t('revisit', { phone: phone ? ` ${maskPhone(phone)}` : '' })}</p>` : nothing}`
        : nothing}
      ${this.mode === 'per-visit' ? html`<button class="btn secondary" type="button" @click=${this.reset}>${this.t('again')}</button>` : nothing}
    </div>`;
  }
}
