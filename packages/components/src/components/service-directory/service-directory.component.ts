import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import {
  audiences,
  deliveries,
  localize,
  serviceGroups,
  targetGroups,
  type LinliClient,
  type Service,
} from '@linli/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LinliElement } from '../../base/linli-element.js';
import { emptyState, errorState, loadingState } from '../../base/states.js';
import { translate } from '../../i18n/translate.js';
import { tokens } from '../../styles/tokens.js';
import { ReportDialogController, reportDialogStyles } from '../service-guide/report-dialog.js';
import type { LinliServiceGuide } from '../service-guide/service-guide.component.js';
import { deliveryLabels, groupLabels, labelOf, pricingLabels, targetGroupLabels, telHref } from '../service-guide/service-labels.js';
import { directoryMessages } from './service-directory.messages.js';
import { directoryStyles } from './service-directory.styles.js';
import { ServiceFilter, toEntry, type Entry } from './service-filter.js';

type Key = keyof (typeof directoryMessages)['zh-CN'];

const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined => ((values as readonly string[]).includes(value) ? (value as T) : undefined);
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Resolves after the browser has had a chance to paint (or after 100 ms in a hidden tab, where frames stop). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve);
    });
  });
}

/**
 * @summary The community service catalogue: instant search (Chinese, pinyin initials, English), filters by
 * category, target group and delivery, a virtualised list that stays fast at 10 000 services, and the
 * 办事指南 of the chosen service inline.
 *
 * @csspart controls - The search box and filters.
 * @csspart search - The search input.
 * @csspart count - The polite result count.
 * @csspart clear-button - The 清除筛选 button.
 * @csspart list - The scrolling, virtualised service list.
 * @csspart row - Each service card.
 * @csspart report-button - A card's 反映问题 button (requestable services only).
 * @csspart detail - The region showing the chosen service's guide.
 * @csspart back-button - The button that returns to the list.
 * @csspart loading - The loading state.
 * @csspart empty - The no-results state.
 * @csspart error - The error state.
 * @csspart report-dialog - The modal dialog holding `<linli-grievance-form>`.
 *
 * @cssproperty --linli-service-directory-height - Height of the scrolling list (default `min(70vh, 44rem)`).
 * @cssproperty --linli-color-link - Service names.
 * @cssproperty --linli-color-success - Pricing tags.
 * @cssproperty --linli-font-scale - Text and target scale (适老化 large text).
 *
 * @event linli-service-select - A service was chosen. Cancelable: `preventDefault()` keeps the list and
 * lets the page show the service itself. Detail: `{ service }`.
 * @event linli-report-request - The resident wants to report a problem about a service. Cancelable:
 * `preventDefault()` to handle it yourself; otherwise a dialog with `<linli-grievance-form>` opens.
 * Detail: `{ serviceCode }`.
 */
export class LinliServiceDirectory extends LinliElement {
  static override styles = [tokens, reportDialogStyles, directoryStyles];

  /** Category filter (a `serviceGroups` value); empty for all. */
  @property({ reflect: true }) group = '';
  /** Target-group filter (a `targetGroups` value such as `elderly` or `low-income`). */
  @property({ reflect: true, attribute: 'target-group' }) targetGroup = '';
  /** Delivery filter (a `deliveries` value such as `home-visit`). */
  @property({ reflect: true }) delivery = '';
  /** Search text. */
  @property({ reflect: true }) query = '';
  /** Only services for `resident` or `business`; not shown as a control. */
  @property() audience = '';
  /** Services fetched per request while the whole catalogue loads (1–500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 500;
  /** Heading level of the guide's service name when a service is open. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** The community's phone number, offered when nothing is found or loading fails. */
  @property({ attribute: 'contact-phone' }) contactPhone = '';

  @state() private entries: Entry[] = [];
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private loadingMore = false;
  @state() private error?: unknown;
  @state() private selected?: Service;

  @query('.list') private listEl?: VirtualizerHostElement;

  /** The filter result; recomputed only when the catalogue or a filter changes. */
  private filtered: Entry[] = [];
  private readonly filter = new ServiceFilter();
  private available = { groups: new Set<string>(), targets: new Set<string>(), deliveries: new Set<string>() };
  private source?: LinliClient;
  private loadId = 0;
  private lastCode?: string;
  private readonly report = new ReportDialogController(this);

  private t(key: Key, params?: Record<string, string | number>): string {
    return translate(directoryMessages, this.locale, key, params);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const api = this.api;
    if (api && api !== this.source) void this.load(api);
    if (changed.has('entries')) this.countAvailable();
    if (['entries', 'query', 'group', 'targetGroup', 'delivery', 'audience'].some((k) => changed.has(k))) this.applyFilters();
  }

  private async load(api: LinliClient): Promise<void> {
    this.source = api;
    const id = ++this.loadId;
    this.status = 'loading';
    this.error = undefined;
    this.entries = [];
    try {
      const size = Math.min(500, Math.max(1, Math.trunc(this.pageSize) || 500));
      const audience = oneOf(audiences, this.audience);
      // A small first page puts rows on screen at once; the rest arrives in full pages while residents
      // already search, with a task boundary between pages so the browser can paint and take input.
      let page = await api.services.list({ limit: Math.min(50, size), audience });
      for (;;) {
        if (id !== this.loadId) return;
        this.entries = this.entries.concat(page.items.map(toEntry));
        this.status = 'ready';
        this.loadingMore = page.hasNextPage();
        if (!page.nextCursor) break;
        await nextPaint();
        page = await api.services.list({ limit: size, audience, cursor: page.nextCursor });
      }
    } catch (err) {
      if (id !== this.loadId) return;
      this.error = err;
      this.status = 'error';
      this.loadingMore = false;
    }
  }

  private retry = () => {
    this.source = undefined;
    this.requestUpdate();
  };

  private applyFilters(): void {
    this.filtered = this.filter.run(this.entries, this.query, {
      group: oneOf(serviceGroups, this.group),
      targetGroup: oneOf(targetGroups, this.targetGroup),
      delivery: oneOf(deliveries, this.delivery),
      audience: oneOf(audiences, this.audience),
    });
  }
  /** Filter options offer only values some service has, so no choice leads to an empty list by itself. */
  private countAvailable(): void {
    const groups = new Set<string>();
    const targets = new Set<string>();
    const ways = new Set<string>();
    for (const { service } of this.entries) {
      groups.add(service.group);
      service.targetGroups.forEach((t) => targets.add(t));
      service.delivery.forEach((d) => ways.add(d));
    }
    this.available = { groups, targets, deliveries: ways };
  }

  /** True when any filter or search is set. */
  get filtering(): boolean {
    return !!(this.query.trim() || this.group || this.targetGroup || this.delivery);
  }

  /** The services currently listed (after search and filters). */
  get results(): Service[] {
    return this.filtered.map((e) => e.service);
  }

  private clearFilters = () => {
    this.query = '';
    this.group = '';
    this.targetGroup = '';
    this.delivery = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus());
  };

  private select(service: Service): void {
    if (!this.emit('linli-service-select', { service }, { cancelable: true })) return;
    this.lastCode = service.code;
    this.selected = service;
    void this.updateComplete.then(() => this.renderRoot.querySelector<LinliServiceGuide>('.detail linli-service-guide')?.focusTitle());
  }

  private back = async () => {
    this.selected = undefined;
    await this.updateComplete;
    const index = this.filtered.findIndex((e) => e.service.code === this.lastCode);
    if (index < 0) this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
    else await this.focusRow(index);
  };

  private rowButton(index: number): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`button.open[data-index="${index}"]`);
  }

  /** Focuses a row even when it is virtualised away: scroll it into the window, then wait for it to render. */
  private async focusRow(index: number): Promise<void> {
    let button = this.rowButton(index);
    if (!button) {
      this.listEl?.[virtualizerRef]?.element(index)?.scrollIntoView({ block: 'center' });
      for (let i = 0; !button && i < 30; i++) {
        await nextFrame();
        button = this.rowButton(index);
      }
    }
    button?.focus();
  }

  private onRowKeydown(event: KeyboardEvent, index: number): void {
    const last = this.filtered.length - 1;
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: last }[event.key];
    if (target === undefined || target < 0 || target > last) return;
    event.preventDefault();
    void this.focusRow(target);
  }

  private requestReport(service: Service, opener: HTMLElement): void {
    if (this.emit('linli-report-request', { serviceCode: service.code }, { cancelable: true })) {
      void this.report.open(service.code, localize(service.name, this.locale), opener);
    }
  }

  override render() {
    const dialog = this.report.render({ title: this.t('reportTitle', { name: this.report.serviceName }), close: this.common('close') }, this.client);
    if (this.status === 'error') {
      return html`${errorState(this.common('errorTitle'), this.describeError(this.error), this.common('retry'), this.retry)}${this.renderContact()}`;
    }
    if (this.status !== 'ready') return loadingState(this.common('loading'));
    return html`<div ?hidden=${!!this.selected}>${this.renderControls()}${this.renderSummary()}${this.renderList()}</div>
      ${this.selected ? this.renderDetail(this.selected) : nothing} ${dialog}`;
  }

  private renderContact(): TemplateResult | typeof nothing {
    return this.contactPhone
      ? html`<p class="contact">${this.t('callUs')} <a href=${telHref(this.contactPhone)}>${this.contactPhone}</a></p>`
      : nothing;
  }

  private renderSelect(id: string, label: string, value: string, values: readonly string[], available: Set<string>, labelFor: (v: string) => string, set: (v: string) => void) {
    const shown = values.filter((v) => available.has(v) || v === value);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} .value=${value} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!value}>${this.t('any')}</option>
        ${shown.map((v) => html`<option value=${v} ?selected=${v === value}>${labelFor(v)}</option>`)}
      </select>
    </div>`;
  }

  private renderControls(): TemplateResult {
    const l = this.locale;
    return html`<div class="controls" part="controls" role="search" aria-label=${this.t('searchRegion')}>
      <div class="field search">
        <label for="search">${this.t('searchLabel')}</label>
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          aria-describedby="search-hint"
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
        <p class="hint" id="search-hint">${this.t('searchHint')}</p>
      </div>
      <div class="filters">
      ${this.renderSelect('group', this.t('groupLabel'), this.group, serviceGroups, this.available.groups, (v) => labelOf(groupLabels, l, v), (v) => (this.group = v))}
      ${this.renderSelect('target', this.t('targetLabel'), this.targetGroup, targetGroups, this.available.targets, (v) => labelOf(targetGroupLabels, l, v), (v) => (this.targetGroup = v))}
      ${this.renderSelect('delivery', this.t('deliveryLabel'), this.delivery, deliveries, this.available.deliveries, (v) => labelOf(deliveryLabels, l, v), (v) => (this.delivery = v))}
      </div>
    </div>`;
  }

  private renderSummary(): TemplateResult {
    const n = this.filtered.length;
    const total = this.entries.length;
    const count = this.filtering ? this.t('countFiltered', { n, total }) : this.t('countAll', { n: total });
    return html`<div class="summary">
      <p class="count" part="count" role="status" aria-live="polite">${count}${this.loadingMore ? html`<span class="hint"> · ${this.t('loadingMore', { n: total })}</span>` : nothing}</p>
      ${this.filtering ? html`<button class="btn secondary" type="button" part="clear-button" @click=${this.clearFilters}>${this.t('clear')}</button>` : nothing}
    </div>`;
  }

  private renderList(): TemplateResult {
    if (!this.filtered.length) {
      return html`${emptyState(this.entries.length ? this.t('emptyTitle') : this.t('noServices'), this.entries.length ? this.t('emptyHint') : undefined)}${this.renderContact()}`;
    }
    const size = this.filtered.length;
    return html`<div class="list-wrap">
      <div class="list" part="list" role="list" aria-label=${this.t('listLabel')}>
        ${virtualize({
          items: this.filtered,
          scroller: true,
          // The virtualizer applies new items a tick after a range event, so a shrinking list can briefly
          // ask for indices past its end; those render as nothing.
          keyFunction: (e: Entry | undefined, i: number) => e?.service.code ?? `#${i}`,
          renderItem: (e: Entry | undefined, i: number) => (e ? this.renderRow(e.service, i, size) : html``),
        })}
      </div>
    </div>`;
  }

  private renderRow(s: Service, index: number, size: number): TemplateResult {
    const l = this.locale;
    const name = localize(s.name, l);
    return html`<div class="row" role="listitem" aria-setsize=${size} aria-posinset=${index + 1}>
      <div class="card" part="row">
        <button
          class="open"
          type="button"
          data-index=${index}
          aria-describedby=${s.description ? `meta-${index} desc-${index}` : `meta-${index}`}
          @click=${() => this.select(s)}
          @keydown=${(e: KeyboardEvent) => this.onRowKeydown(e, index)}
        >
          ${name}
        </button>
        <ul class="meta" id="meta-${index}">
          <li class="tag">${labelOf(groupLabels, l, s.group)}</li>
          <li class="tag pricing">${labelOf(pricingLabels, l, s.pricing)}</li>
          ${s.delivery.map((d) => html`<li class="tag">${labelOf(deliveryLabels, l, d)}</li>`)}
        </ul>
        ${s.description ? html`<p class="desc" id="desc-${index}">${localize(s.description, l)}</p>` : nothing}
        ${s.requestable
          ? html`<button
              class="btn secondary report"
              type="button"
              part="report-button"
              aria-label=${this.t('reportLabel', { name })}
              @click=${(e: Event) => this.requestReport(s, e.currentTarget as HTMLElement)}
            >
              ${this.t('report')}
            </button>`
          : nothing}
      </div>
    </div>`;
  }

  private renderDetail(s: Service): TemplateResult {
    return html`<section class="detail" part="detail" aria-label=${this.t('detailLabel', { name: localize(s.name, this.locale) })}>
      <button class="btn secondary back" type="button" part="back-button" @click=${this.back}><span aria-hidden="true">←</span> ${this.t('back')}</button>
      <linli-service-guide .service=${s} .client=${this.client} heading-level=${this.headingLevel}></linli-service-guide>
    </section>`;
  }
}
