import {
  LinliError,
  availableActions,
  localize,
  workingDaysBetween,
  type LinliClient,
  type PublicGrievance,
  type TimelineEntry,
} from '@linli/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LinliElement } from '../../base/linli-element.js';
import { errorState, loadingState } from '../../base/states.js';
import { translate } from '../../i18n/translate.js';
import { tokens } from '../../styles/tokens.js';
import { describedBy, errorSummary, fieldError, focusControl } from '../grievance-form/error-summary.js';
import { formatDateTime, formatDay } from '../grievance-form/format.js';
import { styles } from './grievance-tracker.styles.js';
import { trackerMessages, type TrackerMessageKey } from './grievance-tracker.messages.js';
import { allStepsDone, cleanCode, countsDown, currentStep, lastQuestion, newestFirst, trackerSteps } from './tracker-status.js';

type Phase = 'idle' | 'loading' | 'ready' | 'not-found' | 'error';
type CodeField = 'tracking' | 'access';
type NoteAction = 'reply' | 'dispute';

const REMEMBER_KEY = 'linli:tracker-codes';
const NOTE_MAX = 2000;
/** Errors that must all read the same, so nobody can probe which tracking codes exist. */
const NEUTRAL = new Set(['not_found', 'validation', 'unauthorized', 'forbidden']);

/**
 * @summary Follow a report (民情反映) with its tracking code and access code (查询码): status in plain words,
 * steps, history, expected date in working days; rate the result once it is handled; reply, dispute or withdraw.
 *
 * @csspart lookup - The tracking-code / access-code form.
 * @csspart error-summary - Problems with the codes, shown after a failed lookup.
 * @csspart result - The grievance: status, steps, dates, history and actions.
 * @csspart status - The current status phrase.
 * @csspart steps - The step indicator.
 * @csspart expected - Expected date and the working days left or overdue.
 * @csspart timeline - The public history.
 * @csspart resolution - The result note once handled.
 * @csspart actions - Refresh / withdraw / look up another.
 * @csspart not-found - The neutral "no match" message.
 * @csspart loading - Loading state.
 * @csspart error - Error state.
 *
 * @cssproperty --linli-color-primary - Buttons and the current step.
 * @cssproperty --linli-color-success - Completed steps.
 * @cssproperty --linli-color-warning - Overdue notice.
 * @cssproperty --linli-color-danger - Errors.
 * @cssproperty --linli-color-focus - Focus ring.
 * @cssproperty --linli-font-scale - Text and target size (large-text mode sets 1.25).
 *
 * @event linli-grievance-action - The resident replied, disputed or withdrew; `detail` has `action` and the updated `grievance`.
 */
export class LinliGrievanceTracker extends LinliElement {
  static override styles = [tokens, styles];

  /** Prefills the tracking code; with `access-code` the grievance loads at once. */
  @property({ attribute: 'tracking-code' }) trackingCode?: string;
  /** Prefills the access code (查询码). */
  @property({ attribute: 'access-code' }) accessCode?: string;
  /** Also answer `linli-track-request` events anywhere on the page (e.g. from the form's receipt). */
  @property({ type: Boolean, reflect: true }) listen = false;
  /** Keep the last codes in this tab's sessionStorage. Off by default: codes are private. */
  @property({ type: Boolean, reflect: true }) remember = false;
  /** The current time, for stories and tests; the real clock by default. */
  @property({ attribute: false }) now?: Date;

  @state() private trackingInput = '';
  @state() private accessInput = '';
  @state() private errors = new Map<CodeField, string>();
  @state() private summaryVisible = false;
  @state() private phase: Phase = 'idle';
  @state() private loadError?: unknown;
  @state() private grievance?: PublicGrievance;
  @state() private serviceName = '';
  @state() private showLookup = true;
  @state() private notes: Record<NoteAction, string> = { reply: '', dispute: '' };
  @state() private noteErrors = new Map<NoteAction, string>();
  @state() private disputeOpen = false;
  @state() private confirmingCancel = false;
  @state() private busy?: 'reply' | 'dispute' | 'cancel' | 'refresh';
  @state() private actionError = '';
  @state() private announcement = '';

  private active?: { tracking: string; access: string };
  private requestId = 0;
  private autoPending = false;
  /** The grievance whose evaluation was just sent: keep the widget (and its thanks) on screen. */
  private evaluatedId?: string;
  private focusAfterRender?: () => void;

  private t = (key: TrackerMessageKey, params?: Record<string, string | number>) => translate(trackerMessages, this.locale, key, params);

  private readonly onTrackRequest = (e: Event) => {
    const detail = (e as CustomEvent<{ trackingCode?: string; accessCode?: string }>).detail;
    if (!detail?.trackingCode || !detail.accessCode) return;
    this.trackingInput = detail.trackingCode;
    this.accessInput = detail.accessCode;
    void this.lookup(true);
  };

  override connectedCallback() {
    super.connectedCallback();
    if (this.listen) document.addEventListener('linli-track-request', this.onTrackRequest);
    if (this.remember && !this.trackingCode && !this.accessCode) {
      const saved = readRemembered();
      if (saved) {
        this.trackingInput = saved.tracking;
        this.accessInput = saved.access;
        this.autoPending = true;
      }
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('linli-track-request', this.onTrackRequest);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('trackingCode') || changed.has('accessCode')) {
      if (this.trackingCode !== undefined) this.trackingInput = this.trackingCode;
      if (this.accessCode !== undefined) this.accessInput = this.accessCode;
      if (this.trackingCode && this.accessCode) this.autoPending = true;
    }
    if (changed.has('listen') && changed.get('listen') !== undefined) {
      document.removeEventListener('linli-track-request', this.onTrackRequest);
      if (this.listen && this.isConnected) document.addEventListener('linli-track-request', this.onTrackRequest);
    }
    if (this.autoPending && this.api) {
      this.autoPending = false;
      void this.lookup(false);
    }
    const c = changed as Map<PropertyKey, unknown>;
    if (c.has('locale') && c.get('locale') !== undefined && this.errors.size) this.errors = this.validateCodes();
  }

  protected override updated() {
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    focus?.();
  }

  // ── Looking up ────────────────────────────────────────────────────────────────────────────────

  private validateCodes(): Map<CodeField, string> {
    const errors = new Map<CodeField, string>();
    if (!cleanCode(this.trackingInput)) errors.set('tracking', this.t('trackingRequired'));
    if (!cleanCode(this.accessInput)) errors.set('access', this.t('accessRequired'));
    return errors;
  }

  /** Checks the codes and loads the grievance. `userAsked` moves focus to the answer. */
  async lookup(userAsked = true): Promise<void> {
    const errors = this.validateCodes();
    this.errors = errors;
    if (errors.size) {
      this.summaryVisible = userAsked;
      if (userAsked) this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    this.summaryVisible = false;
    await this.load({ tracking: cleanCode(this.trackingInput), access: cleanCode(this.accessInput) }, userAsked ? 'heading' : 'none');
  }

  private async load(codes: { tracking: string; access: string }, focus: 'heading' | 'none' | 'keep') {
    const api = this.api;
    if (!api) {
      this.autoPending = true;
      return;
    }
    const id = ++this.requestId;
    if (focus !== 'keep') this.phase = 'loading';
    else this.busy = 'refresh';
    try {
      const grievance = await api.grievances.track(codes.tracking, codes.access);
      if (id !== this.requestId) return;
      this.active = codes;
      this.showGrievance(grievance);
      if (this.remember) writeRemembered(codes);
      if (focus === 'heading') this.focusAfterRender = () => this.focusHeading();
      if (focus === 'keep') this.announce(this.t('refreshed'));
      void this.loadServiceName(api, grievance.serviceCode, id);
    } catch (error) {
      if (id !== this.requestId) return;
      this.grievance = undefined;
      this.loadError = error;
      this.phase = LinliError.is(error) && NEUTRAL.has(error.code) ? 'not-found' : 'error';
      this.showLookup = true;
      if (focus === 'heading') this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.lookup-problem')?.focus();
    } finally {
      if (id === this.requestId) this.busy = undefined;
    }
  }

  private showGrievance(grievance: PublicGrievance) {
    this.grievance = grievance;
    this.phase = 'ready';
    this.showLookup = false;
    this.confirmingCancel = false;
    this.actionError = '';
  }

  private async loadServiceName(api: LinliClient, code: string, id: number) {
    try {
      const service = await api.services.get(code);
      if (id === this.requestId) this.serviceName = localize(service.name, this.locale);
    } catch {
      if (id === this.requestId) this.serviceName = '';
    }
  }

  /** Loads the current codes again (after an evaluation, or on "refresh"). */
  async refresh(): Promise<void> {
    if (this.active) await this.load(this.active, 'keep');
  }

  private focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('#status-heading')?.focus();
  }

  private announce(text: string) {
    // Clear first so the same sentence twice is announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private lookUpAnother() {
    this.grievance = undefined;
    this.active = undefined;
    this.phase = 'idle';
    this.showLookup = true;
    this.trackingInput = '';
    this.accessInput = '';
    this.serviceName = '';
    this.notes = { reply: '', dispute: '' };
    this.disputeOpen = false;
    this.focusAfterRender = () => focusControl(this.shadowRoot, 'f-tracking');
  }

  // ── Resident actions ──────────────────────────────────────────────────────────────────────────

  private async act(action: 'reply' | 'dispute' | 'cancel') {
    const api = this.api;
    const codes = this.active;
    if (!api || !codes || this.busy) return;
    let note: string | undefined;
    if (action !== 'cancel') {
      note = this.notes[action].trim();
      const problem = !note ? this.t(action === 'reply' ? 'replyRequired' : 'disputeRequired') : note.length > NOTE_MAX ? this.t('noteTooLong') : '';
      this.noteErrors = new Map(this.noteErrors).set(action, problem);
      if (problem) {
        this.focusAfterRender = () => focusControl(this.shadowRoot, `f-${action}`);
        return;
      }
    }
    this.busy = action;
    this.actionError = '';
    try {
      const grievance = await api.grievances.act(codes.tracking, codes.access, { action, ...(note ? { note } : {}) });
      this.showGrievance(grievance);
      if (action !== 'cancel') this.notes = { ...this.notes, [action]: '' };
      this.disputeOpen = false;
      this.announce(this.t(action === 'reply' ? 'replySent' : action === 'dispute' ? 'disputeSent' : 'cancelSent'));
      this.emit('linli-grievance-action', { action, grievance });
      this.focusAfterRender = () => this.focusHeading();
    } catch (error) {
      this.actionError = `${this.t('actionFailed')} ${this.describeError(error)}`;
      this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.action-error')?.focus();
    } finally {
      this.busy = undefined;
    }
  }

  private onEvaluated() {
    this.evaluatedId = this.grievance?.id;
    void this.refresh();
  }

  private onKeydown(e: KeyboardEvent) {
    if (e.key !== 'Enter' || e.isComposing || !(e.target instanceof HTMLInputElement)) return;
    e.preventDefault();
    void this.lookup(true);
  }

  // ── Rendering ─────────────────────────────────────────────────────────────────────────────────

  override render() {
    const api = this.api;
    if (!api) return loadingState(this.common('loading'));
    if (!api.supports('grievanceTrack')) return html`<div class="status" part="empty" role="status"><p>${this.t('unsupported')}</p></div>`;
    return html`${this.showLookup ? this.renderLookup() : nothing}
      ${this.phase === 'loading' ? loadingState(this.t('searching')) : nothing}
      ${this.phase === 'not-found'
        ? html`<div class="status error lookup-problem" part="not-found" role="alert" tabindex="-1"><p>${this.t('notFound')}</p></div>`
        : nothing}
      ${this.phase === 'error'
        ? html`<div class="lookup-problem" tabindex="-1">
            ${errorState(this.common('errorTitle'), this.describeError(this.loadError), this.common('retry'), () => void this.lookup(true))}
          </div>`
        : nothing}
      ${this.phase === 'ready' && this.grievance ? this.renderResult(this.grievance) : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>`;
  }

  private renderLookup(): TemplateResult {
    const items = [...this.errors].map(([field, text]) => ({ text, fieldId: `f-${field}` }));
    const searching = this.phase === 'loading';
    return html`<div class="lookup" part="lookup" role="form" aria-labelledby="lookup-title" @keydown=${this.onKeydown}>
      <h2 id="lookup-title">${this.t('formLabel')}</h2>
      <p class="hint">${this.t('intro')}</p>
      ${this.summaryVisible ? errorSummary(this.t('summaryTitle', { count: items.length }), items, (id) => focusControl(this.shadowRoot, id)) : nothing}
      <div class="code-fields">
        ${this.codeField('tracking', this.t('trackingLabel'), this.t('trackingHint'), this.trackingInput, (v) => (this.trackingInput = v))}
        ${this.codeField('access', this.t('accessLabel'), this.t('accessHint'), this.accessInput, (v) => (this.accessInput = v))}
      </div>
      <button class="btn" type="button" ?disabled=${searching} @click=${() => void this.lookup(true)}>${searching ? this.t('searching') : this.t('submit')}</button>
    </div>`;
  }

  private codeField(field: CodeField, label: string, hint: string, value: string, set: (v: string) => void): TemplateResult {
    const id = `f-${field}`;
    const error = this.errors.get(field);
    return html`<div class="field ${error ? 'has-error' : ''}">
      <label for=${id}>${label}<span class="required">${this.t('requiredMark')}</span></label>
      <p class="hint" id="${id}-hint">${hint}</p>
      ${fieldError(id, error, this.t('errorPrefix'))}
      <input
        id=${id}
        class="code-input"
        type="text"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(id, { hint: true, error: Boolean(error) })}
        .value=${value}
        @input=${(e: Event) => {
          set((e.target as HTMLInputElement).value);
          if (this.errors.has(field)) this.errors = this.validateCodes();
        }}
        @blur=${() => {
          if (this.errors.has(field)) this.errors = this.validateCodes();
        }}
      />
    </div>`;
  }

  private renderResult(g: PublicGrievance): TemplateResult {
    const actions = this.api?.supports('residentActions') ? availableActions(g.status, 'resident') : [];
    const evaluating = g.status === 'resolved' || this.evaluatedId === g.id;
    return html`<section class="result" part="result" aria-labelledby="status-heading" aria-busy=${this.busy === 'refresh' ? 'true' : 'false'}>
      <p class="eyebrow">${this.t('trackingLabel')} <span class="code">${g.trackingCode}</span></p>
      <p class="muted status-label">${this.t('currentStatus')}</p>
      <h2 id="status-heading" class="status-phrase status-${g.status}" part="status" tabindex="-1">${this.t(`status.${g.status}` as TrackerMessageKey)}</h2>
      ${g.status === 'referred' && g.referredTo ? html`<p>${this.t('referredTo', { body: g.referredTo })}</p>` : nothing}
      ${this.renderSteps(g)} ${this.renderExpected(g)}
      <dl class="facts">
        ${this.serviceName ? html`<div><dt>${this.t('service')}</dt><dd>${this.serviceName}</dd></div>` : nothing}
        <div><dt>${this.t('submittedAt')}</dt><dd><time datetime=${g.createdAt}>${formatDateTime(g.createdAt, this.locale)}</time></dd></div>
      </dl>
      ${this.actionError ? html`<div class="status error action-error" role="alert" tabindex="-1">${this.actionError}</div>` : nothing}
      ${actions.includes('reply') ? this.renderReply(g) : nothing}
      ${g.resolution && ['resolved', 'closed', 'rectifying', 'revisiting', 'reopen_requested'].includes(g.status)
        ? html`<div class="resolution" part="resolution">
            <h3>${this.t('resolutionHeading')}</h3>
            <p class="prose">${g.resolution}</p>
          </div>`
        : nothing}
      ${evaluating && this.active
        ? html`<div class="evaluate">
            <linli-evaluation target-type="grievance" target-id=${g.id} access-code=${this.active.access} @linli-evaluation-submit=${() => this.onEvaluated()}></linli-evaluation>
          </div>`
        : nothing}
      ${actions.includes('dispute') ? this.renderDispute() : nothing}
      <div class="description">
        <h3>${this.t('description')}</h3>
        <p class="prose">${g.description}</p>
      </div>
      ${this.renderTimeline(g.timeline)}
      <div class="actions" part="actions">
        <button class="btn secondary" type="button" ?disabled=${Boolean(this.busy)} @click=${() => void this.refresh()}>${this.t('refresh')}</button>
        ${actions.includes('cancel') && !this.confirmingCancel
          ? html`<button class="btn secondary" id="cancel-button" type="button" ?disabled=${Boolean(this.busy)} @click=${() => this.askCancel()}>${this.t('cancelButton')}</button>`
          : nothing}
        <button class="btn secondary" type="button" @click=${() => this.lookUpAnother()}>${this.t('anotherQuery')}</button>
      </div>
      ${this.confirmingCancel ? this.renderCancelConfirm() : nothing}
    </section>`;
  }

  private renderSteps(g: PublicGrievance): TemplateResult | typeof nothing {
    const step = currentStep(g.status);
    if (!step) return nothing;
    const at = trackerSteps.indexOf(step);
    const finished = allStepsDone(g.status);
    return html`<ol class="steps" part="steps" aria-label=${this.t('stepsLabel')}>
      ${trackerSteps.map((s, i) => {
        const done = i < at || (finished && i === at);
        const current = i === at;
        return html`<li class="${done ? 'done' : ''} ${current ? 'current' : ''}" aria-current=${current ? 'step' : nothing}>
          <span class="marker" aria-hidden="true">${done ? '✓' : i + 1}</span>
          <span class="step-label">${this.t(`step.${s}` as TrackerMessageKey)}</span
          ><span class="visually-hidden">${done ? this.t('stepDone') : current ? this.t('stepCurrent') : ''}</span>
        </li>`;
      })}
    </ol>`;
  }

  private renderExpected(g: PublicGrievance): TemplateResult | typeof nothing {
    if (!g.expectedAt || !countsDown(g.status)) return nothing;
    const now = this.now ?? this.clock();
    const days = workingDaysBetween(now, g.expectedAt);
    // Separate singular keys: English needs "1 working day", and translate() has no plural rules.
    const left =
      days === 0 ? this.t('dueToday') : days === 1 ? this.t('daysLeftOne') : days === -1 ? this.t('overdueOne') : days > 0 ? this.t('daysLeft', { n: days }) : this.t('overdue', { n: -days });
    return html`<p class="expected ${days < 0 ? 'overdue' : ''}" part="expected">
      ${this.t('expected', { date: formatDay(g.expectedAt, this.locale, now) })}<span class="visually-hidden">, </span><strong class="days-left">${left}</strong>
    </p>`;
  }

  private renderTimeline(timeline: TimelineEntry[]): TemplateResult {
    return html`<div class="history">
      <h3 id="timeline-title">${this.t('timelineHeading')} <span class="muted order">${this.t('timelineOrder')}</span></h3>
      <ol class="timeline" part="timeline" aria-labelledby="timeline-title">
        ${newestFirst(timeline).map(
          (e) => html`<li>
            <time datetime=${e.at}>${formatDateTime(e.at, this.locale)}</time>
            <strong class="what">${this.t(`action.${e.action}` as TrackerMessageKey)}</strong>
            ${e.note ? html`<p class="prose note">${e.note}</p>` : nothing}
          </li>`,
        )}
      </ol>
    </div>`;
  }

  private noteField(action: NoteAction, label: string, hint?: string): TemplateResult {
    const id = `f-${action}`;
    const error = this.noteErrors.get(action);
    return html`<div class="field ${error ? 'has-error' : ''}">
      <label for=${id}>${label}<span class="required">${this.t('requiredMark')}</span></label>
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${fieldError(id, error, this.t('errorPrefix'))}
      <textarea
        id=${id}
        rows="4"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(id, { hint: Boolean(hint), error: Boolean(error) })}
        .value=${this.notes[action]}
        @input=${(e: Event) => {
          this.notes = { ...this.notes, [action]: (e.target as HTMLTextAreaElement).value };
          if (error) this.noteErrors = new Map(this.noteErrors).set(action, '');
        }}
      ></textarea>
    </div>`;
  }

  private renderReply(g: PublicGrievance): TemplateResult {
    const question = lastQuestion(g.timeline);
    return html`<div class="panel reply">
      <h3>${this.t('replyHeading')}</h3>
      ${question ? html`<p><span class="muted">${this.t('staffAsked')}</span> <span class="prose">${question.note}</span></p>` : nothing}
      ${this.noteField('reply', this.t('replyLabel'))}
      <button class="btn" type="button" ?disabled=${Boolean(this.busy)} @click=${() => void this.act('reply')}>
        ${this.busy === 'reply' ? this.t('sending') : this.t('replySubmit')}
      </button>
    </div>`;
  }

  private renderDispute(): TemplateResult {
    return html`<div class="dispute">
      <button
        class="btn secondary"
        type="button"
        aria-expanded=${this.disputeOpen ? 'true' : 'false'}
        aria-controls="dispute-panel"
        @click=${() => {
          this.disputeOpen = !this.disputeOpen;
          if (this.disputeOpen) this.focusAfterRender = () => focusControl(this.shadowRoot, 'f-dispute');
        }}
      >
        ${this.t('disputeToggle')}
      </button>
      <div id="dispute-panel" class="panel" ?hidden=${!this.disputeOpen}>
        ${this.disputeOpen
          ? html`${this.noteField('dispute', this.t('disputeLabel'), this.t('disputeHint'))}
              <button class="btn" type="button" ?disabled=${Boolean(this.busy)} @click=${() => void this.act('dispute')}>
                ${this.busy === 'dispute' ? this.t('sending') : this.t('disputeSubmit')}
              </button>`
          : nothing}
      </div>
    </div>`;
  }

  private askCancel() {
    this.confirmingCancel = true;
    this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('#cancel-confirm-text')?.focus();
  }

  private renderCancelConfirm(): TemplateResult {
    return html`<div class="panel confirm" role="group" aria-labelledby="cancel-confirm-text">
      <p id="cancel-confirm-text" tabindex="-1"><strong>${this.t('cancelConfirm')}</strong></p>
      <div class="actions">
        <button class="btn danger" type="button" ?disabled=${Boolean(this.busy)} @click=${() => void this.act('cancel')}>
          ${this.busy === 'cancel' ? this.t('sending') : this.t('cancelYes')}
        </button>
        <button
          class="btn secondary"
          type="button"
          @click=${() => {
            this.confirmingCancel = false;
            this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('#cancel-button')?.focus();
          }}
        >
          ${this.t('cancelNo')}
        </button>
      </div>
    </div>`;
  }
}

function readRemembered(): { tracking: string; access: string } | undefined {
  try {
    const raw = globalThis.sessionStorage?.getItem(REMEMBER_KEY);
    const v = raw ? (JSON.parse(raw) as { tracking?: unknown; access?: unknown }) : undefined;
    return typeof v?.tracking === 'string' && typeof v.access === 'string' ? { tracking: v.tracking, access: v.access } : undefined;
  } catch {
    return undefined;
  }
}

function writeRemembered(codes: { tracking: string; access: string }) {
  try {
    globalThis.sessionStorage?.setItem(REMEMBER_KEY, JSON.stringify(codes));
  } catch {
    // Storage disabled: remembering is a convenience only.
  }
}
