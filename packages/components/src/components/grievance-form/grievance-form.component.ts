import {
  LinliError,
  localize,
  serviceGroups,
  type AttributeValue,
  type Channel,
  type GrievanceReceipt,
  type LinliClient,
  type NetworkError,
  type OrgUnit,
  type OutboxEvent,
  type Service,
  type ValidationError,
} from '@linli/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LinliElement } from '../../base/linli-element.js';
import { emptyState, errorState, loadingState } from '../../base/states.js';
import { translate } from '../../i18n/translate.js';
import { tokens } from '../../styles/tokens.js';
import { renderAttribute } from './attribute-fields.js';
import { clearDraft, draftKey, hasContent, loadDraft, saveDraft } from './draft.js';
import { describedBy, errorSummary, fieldError, focusControl, type SummaryItem } from './error-summary.js';
import { newIdempotencyKey } from './format.js';
import {
  DESCRIPTION_MAX,
  MAX_FILE_BYTES,
  MAX_FILES,
  emptyValues,
  fieldForPath,
  fieldId,
  fieldOrder,
  shownValues,
  sortedDefinition,
  toInput,
  validate,
  type FieldKey,
  type FormValues,
  type LocationMode,
  type Translate,
} from './form-model.js';
import { formMessages, type FormMessageKey } from './grievance-form.messages.js';
import { styles } from './grievance-form.styles.js';
import { renderReceipt } from './receipt.js';

type Phase = 'editing' | 'sending' | 'queued' | 'done';
type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * @summary 民情反映: report a problem to the community — topic, details the topic asks for, description,
 * where (no map needed), contact or anonymity — and get a tracking code and access code (查询码).
 *
 * @csspart form - The form (everything before the receipt).
 * @csspart error-summary - The list of problems shown above the form after a failed submit.
 * @csspart section - Each group of fields (topic, where, contact).
 * @csspart note - An informational note from the service definition.
 * @csspart submit - The submit button.
 * @csspart queued - The "saved on this device" panel shown while offline.
 * @csspart receipt - The receipt with both codes.
 * @csspart code - The tracking code and the access code on the receipt.
 * @csspart expected - The expected completion date on the receipt.
 * @csspart track-button - The receipt's "follow progress" button.
 * @csspart loading - Loading state.
 * @csspart error - Error state.
 * @csspart empty - Empty state.
 *
 * @cssproperty --linli-color-primary - Buttons and accents.
 * @cssproperty --linli-color-danger - Error messages and invalid fields.
 * @cssproperty --linli-color-focus - Focus ring.
 * @cssproperty --linli-color-surface - Background.
 * @cssproperty --linli-color-border - Field borders.
 * @cssproperty --linli-font-scale - Text and target size (large-text mode sets 1.25).
 * @cssproperty --linli-radius - Corner radius.
 *
 * @event linli-grievance-submit - The grievance was filed; `detail` is the receipt (tracking code, access code, expected date).
 * @event linli-grievance-queued - No connection: the grievance was saved on this device; `detail.outboxId` names it.
 * @event linli-track-request - The resident chose "follow progress" on the receipt; `detail` has `trackingCode` and `accessCode`.
 */
export class LinliGrievanceForm extends LinliElement {
  static override styles = [tokens, styles];

  /** Report about this service only: shows its name instead of the topic select. */
  @property({ attribute: 'service-code', reflect: true }) serviceCode?: string;
  /** Intake channel recorded on the grievance: `web` (default), `app`, `qr`, `window` … */
  @property() channel: Channel = 'web';
  /** The community (or other org unit) the report goes to; also narrows the grid list. */
  @property({ attribute: 'org-unit-id' }) orgUnitId?: string;

  @state() private loadState: LoadState = 'idle';
  @state() private loadError?: unknown;
  @state() private services: Service[] = [];
  /** A fixed `service-code` that takes no online requests: the form gives its phone instead. */
  @state() private notRequestable?: Service;
  @state() private values: FormValues = emptyValues();
  @state() private errors = new Map<FieldKey, string>();
  @state() private generalErrors: string[] = [];
  @state() private summaryVisible = false;
  @state() private phase: Phase = 'editing';
  @state() private submitError?: unknown;
  @state() private receipt?: GrievanceReceipt;
  @state() private draftRestored = false;
  @state() private grids: OrgUnit[] = [];
  @state() private placeState: LoadState = 'idle';
  @state() private buildings: OrgUnit[] = [];
  @state() private locating: 'idle' | 'busy' | 'failed' = 'idle';
  @state() private files: File[] = [];
  @state() private announcement = '';

  private loadedFor?: LinliClient;
  private loadedService?: string;
  private restoredKey?: string;
  private loadId = 0;
  private idempotencyKey?: string;
  private queuedId?: string;
  private stopOutbox?: () => void;
  private readonly dirty = new Set<FieldKey>();
  private readonly serverErrorKeys = new Set<FieldKey>();
  private readonly buildingCache = new Map<string, OrgUnit[]>();
  private focusAfterRender?: () => void;

  private t: Translate = (key: FormMessageKey, params) => translate(formMessages, this.locale, key, params);

  override connectedCallback() {
    super.connectedCallback();
    if (this.phase === 'queued') this.watchOutbox();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopOutbox?.();
    this.stopOutbox = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const api = this.api;
    if (api && (api !== this.loadedFor || this.serviceCode !== this.loadedService)) void this.load(api);
    // Messages already on screen follow a language switch.
    const c = changed as Map<PropertyKey, unknown>;
    if (c.has('locale') && c.get('locale') !== undefined && this.errors.size) this.refreshErrors();
  }

  protected override updated() {
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    focus?.();
  }

  // ── Loading ────────────────────────────────────────────────────────────────────────────────────

  private get service(): Service | undefined {
    return this.services.find((s) => s.code === this.values.serviceCode);
  }

  private get storageKey() {
    return draftKey(this.serviceCode);
  }

  private async load(api: LinliClient) {
    this.loadedFor = api;
    this.loadedService = this.serviceCode;
    const id = ++this.loadId;
    if (this.restoredKey !== this.storageKey) this.restoreDraft();
    if (!api.supports('grievanceSubmit')) {
      this.loadState = 'ready';
      return;
    }
    this.loadState = 'loading';
    void this.loadGrids(api, id);
    try {
      const services = this.serviceCode
        ? [await api.services.get(this.serviceCode)]
        : await (await api.services.list({ requestable: true, limit: 100 })).toArray();
      if (id !== this.loadId) return;
      this.notRequestable = this.serviceCode ? services.find((s) => !s.requestable) : undefined;
      this.services = services.filter((s) => s.requestable);
      if (this.serviceCode) this.values = { ...this.values, serviceCode: this.serviceCode };
      else if (!this.service) this.values = { ...this.values, serviceCode: '' };
      this.loadState = 'ready';
    } catch (error) {
      if (id !== this.loadId) return;
      this.loadError = error;
      this.loadState = 'error';
    }
  }

  private async loadGrids(api: LinliClient, id: number) {
    if (!api.supports('orgUnits')) {
      this.placeState = 'error';
      return;
    }
    this.placeState = 'loading';
    try {
      const list = (parentId?: string) => api.orgUnits.list({ level: 'grid', ...(parentId ? { parentId } : {}), limit: 200 }).then((p) => p.toArray());
      let grids = await list(this.orgUnitId);
      if (!grids.length && this.orgUnitId) grids = await list();
      if (id !== this.loadId) return;
      this.grids = grids;
      this.placeState = grids.length ? 'ready' : 'error';
      if (this.values.gridId) void this.loadBuildings(this.values.gridId);
    } catch {
      if (id === this.loadId) this.placeState = 'error';
    }
  }

  private async loadBuildings(gridId: string) {
    const api = this.api;
    if (!api || !gridId) {
      this.buildings = [];
      return;
    }
    const cached = this.buildingCache.get(gridId);
    if (cached) {
      this.buildings = cached;
      return;
    }
    this.buildings = [];
    try {
      const list = await (await api.orgUnits.list({ level: 'building', parentId: gridId, limit: 200 })).toArray();
      this.buildingCache.set(gridId, list);
      if (this.values.gridId === gridId) this.buildings = list;
    } catch {
      // Buildings are optional: the grid alone is a valid place.
    }
  }

  private restoreDraft() {
    this.restoredKey = this.storageKey;
    const draft = loadDraft(this.storageKey);
    if (!draft) {
      this.values = emptyValues(this.serviceCode);
      return;
    }
    this.values = { ...emptyValues(this.serviceCode), ...draft.values, ...(this.serviceCode ? { serviceCode: this.serviceCode } : {}) };
    this.idempotencyKey = draft.idempotencyKey;
    this.draftRestored = hasContent(draft.values);
  }

  private persist() {
    saveDraft(this.storageKey, this.values, this.idempotencyKey);
  }

  // ── Editing and validation ─────────────────────────────────────────────────────────────────────

  private get placeAvailable() {
    return this.placeState === 'ready';
  }

  private get geolocationAvailable() {
    return typeof navigator !== 'undefined' && 'geolocation' in navigator;
  }

  private fileProblems(): string[] {
    const problems: string[] = [];
    if (this.files.length > MAX_FILES) problems.push(this.t('mediaTooMany'));
    for (const f of this.files) {
      if (f.type && !f.type.startsWith('image/')) problems.push(this.t('mediaNotImage', { name: f.name }));
      else if (f.size > MAX_FILE_BYTES) problems.push(this.t('mediaTooBig', { name: f.name }));
    }
    return problems;
  }

  private issues() {
    return validate(this.values, {
      service: this.service,
      locale: this.locale,
      t: this.t,
      placeAvailable: this.placeAvailable,
      fileProblems: this.fileProblems(),
    });
  }

  /** Re-checks the given fields (default: every field now showing a client-side error). */
  private refreshErrors(keys?: FieldKey[]) {
    const wanted = keys ?? [...this.errors.keys()].filter((k) => !this.serverErrorKeys.has(k));
    if (!wanted.length) return;
    const found = new Map<FieldKey, string>();
    for (const issue of this.issues()) if (!found.has(issue.key)) found.set(issue.key, issue.message);
    const next = new Map(this.errors);
    for (const key of wanted) {
      const message = found.get(key);
      if (message) next.set(key, message);
      else next.delete(key);
    }
    this.errors = next;
  }

  private change(patch: Partial<FormValues>, key: FieldKey) {
    this.values = { ...this.values, ...patch };
    this.dirty.add(key);
    this.serverErrorKeys.delete(key);
    this.persist();
    const keys = new Set([...this.errors.keys()].filter((k) => !this.serverErrorKeys.has(k)));
    if (keys.size) this.refreshErrors([...keys]);
  }

  private blurred(key: FieldKey) {
    // Tabbing past an untouched field is not a mistake; only check what the resident has changed.
    if (this.dirty.has(key) || this.errors.has(key)) this.refreshErrors([key]);
  }

  private changeAttribute(code: string, value: AttributeValue | undefined) {
    const serviceCode = this.values.serviceCode;
    const current = { ...(this.values.attributesByService[serviceCode] ?? {}) };
    if (value === undefined || (Array.isArray(value) && !value.length)) delete current[code];
    else current[code] = value;
    this.change({ attributesByService: { ...this.values.attributesByService, [serviceCode]: current } }, `attr:${code}`);
  }

  private chooseService(code: string) {
    this.change({ serviceCode: code }, 'serviceCode');
    this.refreshErrors(['serviceCode']);
  }

  private setMode(mode: LocationMode) {
    this.values = { ...this.values, locationMode: mode };
    this.persist();
    this.dropErrors(['address', 'grid', 'unit', 'point']);
  }

  private dropErrors(keys: FieldKey[]) {
    this.errors = new Map([...this.errors].filter(([k]) => !keys.includes(k)));
  }

  private chooseGrid(gridId: string) {
    this.change({ gridId, buildingId: '' }, 'grid');
    void this.loadBuildings(gridId);
  }

  private locate() {
    this.locating = 'busy';
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this.locating = 'idle';
        this.change({ point: { lat: pos.coords.latitude, long: pos.coords.longitude, accuracy: Math.round(pos.coords.accuracy) } }, 'point');
        this.refreshErrors(['point']);
      },
      () => {
        this.locating = 'failed';
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  private chooseFiles(input: HTMLInputElement) {
    this.files = [...(input.files ?? [])];
    this.dirty.add('media');
    this.refreshErrors(['media']);
  }

  private clearForm() {
    clearDraft(this.storageKey);
    this.values = emptyValues(this.serviceCode);
    this.idempotencyKey = undefined;
    this.errors = new Map();
    this.generalErrors = [];
    this.summaryVisible = false;
    this.submitError = undefined;
    this.draftRestored = false;
    this.files = [];
    this.dirty.clear();
    this.serverErrorKeys.clear();
    this.focusAfterRender = () => this.focusFirstField();
  }

  private focusFirstField() {
    const first = this.renderRoot.querySelector<HTMLElement>('select, input, textarea');
    first?.focus();
  }

  private focusField = (id: string) => focusControl(this.shadowRoot, id);

  // ── Submitting ─────────────────────────────────────────────────────────────────────────────────

  /** Checks everything and files the grievance. Safe to call repeatedly: one key per draft, one request at a time. */
  async submit(): Promise<void> {
    const api = this.api;
    if (!api || this.phase === 'sending' || this.phase === 'queued') return;
    this.serverErrorKeys.clear();
    this.generalErrors = [];
    this.submitError = undefined;
    const issues = this.issues();
    if (issues.length || !this.service) {
      this.showIssues(issues.map((i) => ({ key: i.key, message: i.message })));
      return;
    }
    this.errors = new Map();
    this.summaryVisible = false;
    this.phase = 'sending';
    this.idempotencyKey ??= newIdempotencyKey();
    this.persist();
    const input = toInput(this.values, this.service, { channel: this.channel, orgUnitId: this.orgUnitId, placeAvailable: this.placeAvailable });
    try {
      const receipt = await api.grievances.submit(input, { idempotencyKey: this.idempotencyKey });
      this.showReceipt(receipt);
    } catch (error) {
      this.handleFailure(error);
    }
  }

  private handleFailure(error: unknown) {
    this.phase = 'editing';
    if (LinliError.is(error) && error.code === 'validation') {
      this.showServerIssues(error as ValidationError);
      return;
    }
    const queuedAs = LinliError.is(error) && error.code === 'network' ? (error as NetworkError).queuedAs : undefined;
    if (queuedAs) {
      this.phase = 'queued';
      this.queuedId = queuedAs;
      this.watchOutbox();
      this.emit('linli-grievance-queued', { outboxId: queuedAs });
      this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.queued-title')?.focus();
      return;
    }
    this.submitError = error;
    this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.submit-error')?.focus();
  }

  private showIssues(issues: { key?: FieldKey; message: string }[], general: string[] = []) {
    const errors = new Map<FieldKey, string>();
    for (const i of issues) if (i.key && !errors.has(i.key)) errors.set(i.key, i.message);
    this.errors = errors;
    this.generalErrors = general;
    this.summaryVisible = true;
    this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  /** Server-side field issues land on the same fields and in the same summary as our own. */
  private showServerIssues(error: ValidationError) {
    const { shown } = shownValues(sortedDefinition(this.service), this.values.attributesByService[this.values.serviceCode] ?? {});
    const mapped: { key: FieldKey; message: string }[] = [];
    const general: string[] = [];
    for (const issue of error.issues ?? []) {
      let key = fieldForPath(issue.path, this.values, shown);
      if (key === 'serviceCode' && this.serviceCode) key = undefined; // no select to point at
      if (key === 'grid' && !this.placeAvailable) key = 'address';
      if (key) mapped.push({ key, message: issue.message });
      else general.push(issue.message);
    }
    if (!mapped.length && !general.length) general.push(this.describeError(error));
    mapped.forEach((m) => this.serverErrorKeys.add(m.key));
    this.showIssues(mapped, general);
  }

  private showReceipt(receipt: GrievanceReceipt) {
    this.stopOutbox?.();
    this.stopOutbox = undefined;
    this.queuedId = undefined;
    this.receipt = receipt;
    this.phase = 'done';
    // The draft has become a grievance: the next report starts clean with a new key.
    clearDraft(this.storageKey);
    this.idempotencyKey = undefined;
    this.emit('linli-grievance-submit', receipt);
    this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.receipt-title')?.focus();
  }

  private watchOutbox() {
    const outbox = this.api?.outbox;
    if (!outbox || this.stopOutbox) return;
    this.stopOutbox = outbox.subscribe((event: OutboxEvent) => {
      if (event.item.id !== this.queuedId) return;
      if (event.type === 'delivered') this.showReceipt(event.result as GrievanceReceipt);
      else if (event.type === 'failed') {
        this.stopOutbox?.();
        this.stopOutbox = undefined;
        this.queuedId = undefined;
        this.phase = 'editing';
        if (LinliError.is(event.error) && event.error.code === 'validation') this.showServerIssues(event.error as ValidationError);
        else this.submitError = new Error(this.t('queuedFailed'));
      }
    });
  }

  private onKeydown(e: KeyboardEvent) {
    // Enter in a one-line field submits, as in a native form (there is no <form>: see styles/README).
    const target = e.composedPath()[0] as HTMLElement;
    if (e.key !== 'Enter' || e.isComposing || !(target instanceof HTMLInputElement)) return;
    if (['checkbox', 'radio', 'file', 'button', 'submit'].includes(target.type)) return;
    e.preventDefault();
    void this.submit();
  }

  // ── Receipt actions ────────────────────────────────────────────────────────────────────────────

  private async copy(which: 'tracking' | 'access') {
    const receipt = this.receipt;
    if (!receipt) return;
    const text = which === 'tracking' ? receipt.trackingCode : receipt.accessCode;
    this.announcement = '';
    await this.updateComplete;
    try {
      await navigator.clipboard.writeText(text);
      this.announcement = this.t('copied');
    } catch {
      // No clipboard permission (http page, old WebView): select the code so the resident can copy it.
      const node = this.renderRoot.querySelector(which === 'tracking' ? '#tracking-code' : '#access-code');
      const selection = (this.shadowRoot as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? window.getSelection();
      if (node && selection) selection.selectAllChildren(node);
      this.announcement = this.t('copyFallback');
    }
  }

  private track() {
    if (this.receipt) this.emit('linli-track-request', { trackingCode: this.receipt.trackingCode, accessCode: this.receipt.accessCode });
  }

  private another() {
    this.receipt = undefined;
    this.phase = 'editing';
    this.announcement = '';
    this.clearForm();
  }

  // ── Rendering ──────────────────────────────────────────────────────────────────────────────────

  override render() {
    const api = this.api;
    if (!api) return loadingState(this.common('loading'));
    if (!api.supports('grievanceSubmit')) return this.renderUnsupported();
    if (this.phase === 'done' && this.receipt) {
      return renderReceipt(this.receipt, {
        locale: this.locale,
        now: this.clock(),
        t: this.t,
        announcement: this.announcement,
        copy: (w) => void this.copy(w),
        print: () => window.print(),
        track: () => this.track(),
        another: () => this.another(),
      });
    }
    if (this.phase === 'queued') return this.renderQueued();
    if (this.loadState === 'error') {
      return errorState(this.common('errorTitle'), this.describeError(this.loadError), this.common('retry'), () => {
        this.loadedFor = undefined;
        this.requestUpdate();
      });
    }
    if (this.loadState !== 'ready') return loadingState(this.common('loading'));
    if (this.notRequestable) {
      return emptyState(
        this.t('notRequestable', { name: localize(this.notRequestable.name, this.locale) }),
        this.t('phoneRoute', { phone: this.notRequestable.guide.phone }),
      );
    }
    if (!this.services.length) return emptyState(this.t('servicesEmpty'), this.t('phoneRoute', { phone: this.t('hotline') }));
    return this.renderForm();
  }

  private renderUnsupported() {
    return html`<div class="status" part="empty" role="status">
      <p><strong>${this.t('unsupported')}</strong></p>
      <p>${this.t('phoneRoute', { phone: this.phone() })}</p>
    </div>`;
  }

  /** The phone route: the service's own number when we know it, else the 12345 hotline. */
  private phone(): string {
    return this.service?.guide.phone ?? this.t('hotline');
  }

  private renderQueued() {
    const outbox = this.api?.outbox;
    return html`<div class="status queued" part="queued" role="status">
      <h2 class="queued-title" tabindex="-1">${this.t('queuedTitle')}</h2>
      <p>${this.t('queuedHint')}</p>
      ${outbox ? html`<button class="btn secondary" type="button" @click=${() => void outbox.flush()}>${this.t('queuedRetry')}</button>` : nothing}
    </div>`;
  }

  private renderSummary() {
    const items = this.summaryItems();
    return errorSummary(this.t('summaryTitle', { count: items.length }), items, this.focusField);
  }

  private summaryItems(): SummaryItem[] {
    const order = fieldOrder(sortedDefinition(this.service));
    const items: SummaryItem[] = [];
    for (const key of order) {
      const message = this.errors.get(key);
      if (message) items.push({ text: `${this.labelFor(key)}${this.locale === 'en' ? ': ' : '：'}${message}`, fieldId: fieldId(key) });
    }
    return [...items, ...this.generalErrors.map((text) => ({ text }))];
  }

  private labelFor(key: FieldKey): string {
    if (key.startsWith('attr:')) {
      const def = this.service?.definition.find((d) => d.code === key.slice(5));
      return def ? localize(def.description, this.locale) : key.slice(5);
    }
    const labels: Record<string, FormMessageKey> = {
      serviceCode: 'serviceLabel',
      description: 'descriptionLabel',
      address: 'addressLabel',
      grid: 'gridLabel',
      unit: 'unitLabel',
      point: 'locationPoint',
      media: 'mediaLabel',
      name: 'nameLabel',
      phone: 'phoneLabel',
      contactConsent: 'consent',
    };
    return this.t(labels[key] ?? 'formLabel').replace(/（选填）|（選填）| \(optional\)/, '');
  }

  private renderForm() {
    const sending = this.phase === 'sending';
    return html`<div class="form" role="form" aria-label=${this.t('formLabel')} part="form" @keydown=${this.onKeydown}>
      ${this.draftRestored
        ? html`<div class="draft-note no-print" role="status">
            <span>${this.t('draftRestored')}</span>
            <button class="btn secondary small" type="button" @click=${() => this.clearForm()}>${this.t('clearDraft')}</button>
          </div>`
        : nothing}
      ${this.summaryVisible ? this.renderSummary() : nothing}
      ${this.renderTopic()} ${this.renderDescription()} ${this.renderLocation()} ${this.api?.supports('media') ? this.renderMedia() : nothing}
      ${this.renderContact()}
      ${this.submitError
        ? html`<div class="status error submit-error" role="alert" tabindex="-1" part="error">
            <strong>${this.t('submitFailed')}</strong>
            <p>${this.submitErrorText()}</p>
          </div>`
        : nothing}
      <div class="submit-row">
        <button class="btn submit" type="button" part="submit" ?disabled=${sending} aria-describedby=${this.submitError ? 'submit-hint' : nothing} @click=${() => void this.submit()}>
          ${sending ? html`<span class="spinner" aria-hidden="true"></span>${this.t('submitting')}` : this.submitError ? this.t('retrySubmit') : this.t('submit')}
        </button>
        <span id="submit-hint" class="visually-hidden">${this.submitError ? this.submitErrorText() : ''}</span>
        <span class="visually-hidden" role="status">${sending ? this.t('submitting') : ''}</span>
      </div>
    </div>`;
  }

  private submitErrorText(): string {
    const err = this.submitError;
    if (LinliError.is(err) && (err.code === 'network' || err.code === 'timeout')) return this.t('submitNetwork');
    if (LinliError.is(err) && err.code === 'unsupported') return `${this.t('unsupported')} ${this.t('phoneRoute', { phone: this.phone() })}`;
    if (err instanceof Error && !LinliError.is(err)) return err.message;
    return this.t('submitServer', { phone: this.phone() });
  }

  private requiredMark() {
    return html`<span class="required">${this.t('requiredMark')}</span>`;
  }

  private renderTopic(): TemplateResult {
    const service = this.service;
    const defs = sortedDefinition(service);
    const raw = service ? (this.values.attributesByService[service.code] ?? {}) : {};
    const { shown } = shownValues(defs, raw);
    const text = { required: this.t('requiredMark'), errorPrefix: this.t('errorPrefix'), yes: this.t('yes'), no: this.t('no'), choose: this.t('choose') };
    return html`<fieldset class="section" part="section">
      <legend>${this.t('serviceLegend')}</legend>
      ${this.serviceCode && service
        ? html`<p class="fixed-service"><span class="muted">${this.t('serviceFixed')}</span><strong>${localize(service.name, this.locale)}</strong></p>`
        : this.renderServiceSelect()}
      ${defs
        .filter((d) => shown.has(d.code))
        .map((def) =>
          renderAttribute(def, {
            locale: this.locale,
            value: raw[def.code],
            error: this.errors.get(`attr:${def.code}`),
            text,
            change: (v) => this.changeAttribute(def.code, v),
            blur: () => this.blurred(`attr:${def.code}`),
          }),
        )}
    </fieldset>`;
  }

  private renderServiceSelect(): TemplateResult {
    const id = fieldId('serviceCode');
    const error = this.errors.get('serviceCode');
    const groups = serviceGroups
      .map((group) => ({ group, items: this.services.filter((s) => s.group === group) }))
      .filter((g) => g.items.length);
    return html`<div class="field ${error ? 'has-error' : ''}">
      <label for=${id}>${this.t('serviceLabel')}${this.requiredMark()}</label>
      ${fieldError(id, error, this.t('errorPrefix'))}
      <select
        id=${id}
        class="wide"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(id, { error: Boolean(error) })}
        @change=${(e: Event) => this.chooseService((e.target as HTMLSelectElement).value)}
        @blur=${() => this.blurred('serviceCode')}
      >
        <option value="" ?selected=${!this.values.serviceCode}>${this.t('choose')}</option>
        ${groups.map(
          (g) => html`<optgroup label=${this.t(`group.${g.group}` as FormMessageKey)}>
            ${g.items.map((s) => html`<option value=${s.code} ?selected=${s.code === this.values.serviceCode}>${localize(s.name, this.locale)}</option>`)}
          </optgroup>`,
        )}
      </select>
    </div>`;
  }

  private renderDescription(): TemplateResult {
    const id = fieldId('description');
    const error = this.errors.get('description');
    const length = this.values.description.trim().length;
    const over = length - DESCRIPTION_MAX;
    return html`<div class="field ${error ? 'has-error' : ''}">
      <label for=${id} class="field-title">${this.t('descriptionLabel')}${this.requiredMark()}</label>
      <p class="hint" id="${id}-hint">${this.t('descriptionHint')}</p>
      ${fieldError(id, error, this.t('errorPrefix'))}
      <textarea
        id=${id}
        rows="6"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(id, { hint: true, error: Boolean(error), extra: [`${id}-count`] })}
        .value=${this.values.description}
        @input=${(e: Event) => this.change({ description: (e.target as HTMLTextAreaElement).value }, 'description')}
        @blur=${() => this.blurred('description')}
      ></textarea>
      <p class="counter ${over > 0 ? 'over' : ''}" id="${id}-count">
        ${this.t('counter', { count: length, max: DESCRIPTION_MAX })}${over > 0 ? html` · ${this.t('counterOver', { over })}` : nothing}
      </p>
    </div>`;
  }

  private renderLocation(): TemplateResult {
    const modes: LocationMode[] = ['address'];
    if (this.placeAvailable || this.placeState === 'loading') modes.push('place');
    if (this.geolocationAvailable) modes.push('point');
    const chosen = modes.includes(this.values.locationMode) ? this.values.locationMode : 'address';
    const effective = chosen === 'place' && !this.placeAvailable ? (this.placeState === 'loading' ? 'place' : 'address') : chosen;
    const label: Record<LocationMode, FormMessageKey> = { address: 'locationAddress', place: 'locationPlace', point: 'locationPoint' };
    return html`<fieldset class="section" part="section">
      <legend>${this.t('locationLegend')}${this.requiredMark()}</legend>
      ${modes.length > 1
        ? html`<div class="choices modes">
            ${modes.map(
              (m) => html`<div class="choice">
                <input type="radio" id="mode-${m}" name="location-mode" value=${m} .checked=${chosen === m} @change=${() => this.setMode(m)} />
                <label for="mode-${m}">${this.t(label[m])}</label>
              </div>`,
            )}
          </div>`
        : nothing}
      ${effective === 'address' ? this.renderAddress() : effective === 'place' ? this.renderPlace() : this.renderPoint()}
    </fieldset>`;
  }

  private renderAddress(): TemplateResult {
    const id = fieldId('address');
    const error = this.errors.get('address');
    return html`<div class="field ${error ? 'has-error' : ''}">
      ${this.values.locationMode === 'place' && this.placeState === 'error' ? html`<p class="hint">${this.t('placeUnavailable')}</p>` : nothing}
      <label for=${id}>${this.t('addressLabel')}${this.requiredMark()}</label>
      <p class="hint" id="${id}-hint">${this.t('addressHint')}</p>
      ${fieldError(id, error, this.t('errorPrefix'))}
      <input
        id=${id}
        class="wide"
        type="text"
        autocomplete="street-address"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(id, { hint: true, error: Boolean(error) })}
        .value=${this.values.address}
        @input=${(e: Event) => this.change({ address: (e.target as HTMLInputElement).value }, 'address')}
        @blur=${() => this.blurred('address')}
      />
    </div>`;
  }

  private renderPlace(): TemplateResult {
    if (this.placeState === 'loading') return loadingState(this.t('placeLoading'));
    const gid = fieldId('grid');
    const uid = fieldId('unit');
    const gridError = this.errors.get('grid');
    const unitError = this.errors.get('unit');
    return html`<div class="field ${gridError ? 'has-error' : ''}">
        <label for=${gid}>${this.t('gridLabel')}${this.requiredMark()}</label>
        ${fieldError(gid, gridError, this.t('errorPrefix'))}
        <select
          id=${gid}
          class="wide"
          aria-invalid=${gridError ? 'true' : 'false'}
          aria-describedby=${describedBy(gid, { error: Boolean(gridError) })}
          @change=${(e: Event) => this.chooseGrid((e.target as HTMLSelectElement).value)}
          @blur=${() => this.blurred('grid')}
        >
          <option value="" ?selected=${!this.values.gridId}>${this.t('gridChoose')}</option>
          ${this.grids.map((g) => html`<option value=${g.id} ?selected=${g.id === this.values.gridId}>${localize(g.name, this.locale)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-building">${this.t('buildingLabel')}</label>
        <select id="f-building" class="wide" ?disabled=${!this.values.gridId} @change=${(e: Event) => this.change({ buildingId: (e.target as HTMLSelectElement).value }, 'grid')}>
          <option value="" ?selected=${!this.values.buildingId}>${this.t('buildingChoose')}</option>
          ${this.buildings.map((b) => html`<option value=${b.id} ?selected=${b.id === this.values.buildingId}>${localize(b.name, this.locale)}</option>`)}
        </select>
      </div>
      <div class="field ${unitError ? 'has-error' : ''}">
        <label for=${uid}>${this.t('unitLabel')}</label>
        <p class="hint" id="${uid}-hint">${this.t('unitHint')}</p>
        ${fieldError(uid, unitError, this.t('errorPrefix'))}
        <input
          id=${uid}
          type="text"
          aria-invalid=${unitError ? 'true' : 'false'}
          aria-describedby=${describedBy(uid, { hint: true, error: Boolean(unitError) })}
          .value=${this.values.unit}
          @input=${(e: Event) => this.change({ unit: (e.target as HTMLInputElement).value }, 'unit')}
          @blur=${() => this.blurred('unit')}
        />
      </div>`;
  }

  private renderPoint(): TemplateResult {
    const id = fieldId('point');
    const error = this.errors.get('point');
    const point = this.values.point;
    const status =
      this.locating === 'busy'
        ? this.t('pointLocating')
        : this.locating === 'failed'
          ? this.t('pointFailed')
          : point
            ? this.t('pointFound', { meters: point.accuracy })
            : '';
    return html`<div class="field ${error ? 'has-error' : ''}">
      ${fieldError(id, error, this.t('errorPrefix'))}
      <button
        id=${id}
        class="btn secondary"
        type="button"
        aria-describedby=${describedBy(id, { error: Boolean(error), extra: ['point-status'] })}
        ?disabled=${this.locating === 'busy'}
        @click=${() => this.locate()}
      >
        ${this.t('pointButton')}
      </button>
      <p id="point-status" class="hint" role="status">${status}</p>
    </div>`;
  }

  private renderMedia(): TemplateResult {
    const id = fieldId('media');
    const error = this.errors.get('media');
    return html`<div class="field ${error ? 'has-error' : ''}">
      <label for=${id} class="field-title">${this.t('mediaLabel')}</label>
      <p class="hint" id="${id}-hint">${this.t('mediaHint')} ${this.t('mediaNote')}</p>
      ${fieldError(id, error, this.t('errorPrefix'))}
      <input
        id=${id}
        class="file-input visually-hidden"
        type="file"
        accept="image/*"
        multiple
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(id, { hint: true, error: Boolean(error) })}
        @change=${(e: Event) => this.chooseFiles(e.target as HTMLInputElement)}
      />
      <label for=${id} class="btn secondary file-button">${this.t('mediaChoose')}</label>
      ${this.files.length
        ? html`<p class="hint">${this.t('mediaChosen')}</p>
            <ul class="files">
              ${this.files.map((f) => html`<li>${f.name}</li>`)}
            </ul>`
        : nothing}
    </div>`;
  }

  private renderContact(): TemplateResult {
    const v = this.values;
    const nid = fieldId('name');
    const pid = fieldId('phone');
    const cid = fieldId('contactConsent');
    const nameError = this.errors.get('name');
    const phoneError = this.errors.get('phone');
    return html`<fieldset class="section" part="section">
      <legend>${this.t('contactLegend')}</legend>
      <div class="choice">
        <input
          type="checkbox"
          id="f-anonymous"
          aria-describedby="f-anonymous-hint"
          .checked=${v.anonymous}
          @change=${(e: Event) => {
            this.values = { ...this.values, anonymous: (e.target as HTMLInputElement).checked };
            this.persist();
            this.dropErrors(['name', 'phone']);
          }}
        />
        <label for="f-anonymous">${this.t('anonymous')}</label>
      </div>
      <p class="hint" id="f-anonymous-hint">${this.t('anonymousHint')}</p>
      ${v.anonymous
        ? nothing
        : html`<div class="field ${nameError ? 'has-error' : ''}">
              <label for=${nid}>${this.t('nameLabel')}</label>
              <p class="hint" id="${nid}-hint">${this.t('nameHint')}</p>
              ${fieldError(nid, nameError, this.t('errorPrefix'))}
              <input
                id=${nid}
                type="text"
                autocomplete="name"
                aria-invalid=${nameError ? 'true' : 'false'}
                aria-describedby=${describedBy(nid, { hint: true, error: Boolean(nameError) })}
                .value=${v.name}
                @input=${(e: Event) => this.change({ name: (e.target as HTMLInputElement).value }, 'name')}
                @blur=${() => this.blurred('name')}
              />
            </div>
            <div class="field ${phoneError ? 'has-error' : ''}">
              <label for=${pid}>${this.t('phoneLabel')}</label>
              <p class="hint" id="${pid}-hint">${this.t('phoneHint')}</p>
              ${fieldError(pid, phoneError, this.t('errorPrefix'))}
              <input
                id=${pid}
                type="tel"
                inputmode="tel"
                autocomplete="tel"
                aria-invalid=${phoneError ? 'true' : 'false'}
                aria-describedby=${describedBy(pid, { hint: true, error: Boolean(phoneError) })}
                .value=${v.phone}
                @input=${(e: Event) => this.change({ phone: (e.target as HTMLInputElement).value }, 'phone')}
                @blur=${() => this.blurred('phone')}
              />
            </div>
            <div class="choice">
              <input
                type="checkbox"
                id=${cid}
                .checked=${v.contactConsent}
                @change=${(e: Event) => this.change({ contactConsent: (e.target as HTMLInputElement).checked }, 'contactConsent')}
              />
              <label for=${cid}>${this.t('consent')}</label>
            </div>`}
    </fieldset>`;
  }
}
