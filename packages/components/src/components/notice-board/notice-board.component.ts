import { localize, noticeCategories, type LinliClient, type Notice } from '@linli/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { literal, html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { LinliElement } from '../../base/linli-element.js';
import { emptyState, errorState, loadingState } from '../../base/states.js';
import { translate } from '../../i18n/translate.js';
import { tokens } from '../../styles/tokens.js';
import { telHref } from '../service-guide/service-labels.js';
import { noticeMessages } from './notice-board.messages.js';
import { noticeStyles } from './notice-board.styles.js';
import { categoryLabel, formatDate, formatDay, formatSize, publicityPhase, safeEmail, safeHttpUrl, sortNotices } from './notice-format.js';
import { sanitizeNoticeHtml } from './sanitize-notice-html.js';

type Key = keyof (typeof noticeMessages)['zh-CN'];
const headingTags: StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];
const ALL = '';

/**
 * @summary 居务公开 notice board: category tabs, pinned and emergency notices first, 公示 windows with a
 * countdown and the objection channel, sanitised rich-text bodies with attachments — and a kiosk / LED
 * mode that rotates one notice at a time and can always be paused.
 *
 * @csspart tabs - The category tablist.
 * @csspart tab - Each category tab.
 * @csspart list - The list of notices.
 * @csspart notice - Each notice.
 * @csspart toggle - The title button that expands a notice.
 * @csspart body - A notice's sanitised rich-text body.
 * @csspart publicity - The 公示 period, countdown and objection channel.
 * @csspart attachments - The attachment list.
 * @csspart kiosk - The kiosk / LED rotation view.
 * @csspart kiosk-controls - Pause, previous and next.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 *
 * @cssproperty --linli-notice-kiosk-scale - Extra text scale in kiosk mode (default 1.4).
 * @cssproperty --linli-color-danger - Emergency notices (also marked by an icon, a label and a thick border).
 * @cssproperty --linli-color-warning - The 公示 countdown box.
 * @cssproperty --linli-font-scale - Text and target scale (适老化 large text).
 */
export class LinliNoticeBoard extends LinliElement {
  static override styles = [tokens, noticeStyles];

  /** The selected category tab (a `noticeCategories` value); empty for 全部. */
  @property({ reflect: true }) category = '';
  /** Only notices of this org unit (a community or street id). */
  @property({ attribute: 'org-unit-id' }) orgUnitId = '';
  /** At most this many notices per tab (and in the kiosk rotation). */
  @property({ type: Number }) limit = 50;
  /** `list` (default) or `kiosk`: one notice at a time, large, rotating. */
  @property({ reflect: true }) mode: 'list' | 'kiosk' = 'list';
  /** Seconds per notice in kiosk mode. */
  @property({ type: Number }) interval = 12;
  /** Heading level of notice titles (1–6); match the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /** Overrides the clock (demos, tests, a kiosk with a wrong clock): 公示 countdowns and which notices are active. */
  @property({ attribute: false }) now?: Date;

  @state() private notices: Notice[] = [];
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private error?: unknown;
  @state() private expanded = new Set<string>();
  @state() private slide = 0;
  /** The resident's own choice; undefined until they press pause or play. */
  @state() private userPaused?: boolean;
  @state() private hovering = false;
  @state() private focusPaused = false;
  @state() private reducedMotion = false;
  @state() private announce = false;

  private source?: LinliClient;
  private sourceUnit = '';
  private loadId = 0;
  /** Stable, markup-safe element ids per notice id (ids from the backend are untrusted). */
  private domIds = new Map<string, string>();
  /** Sanitised bodies by notice id and locale, so re-renders never sanitise twice. */
  private bodies = new Map<string, string>();
  private rotation?: ReturnType<typeof setTimeout>;
  private rotationKey = '';
  private ticker?: ReturnType<typeof setInterval>;
  private motionQuery?: MediaQueryList;

  private t(key: Key, params?: Record<string, string | number>): string {
    return translate(noticeMessages, this.locale, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.motionQuery = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');
    this.reducedMotion = this.motionQuery?.matches ?? false;
    this.motionQuery?.addEventListener('change', this.onMotionChange);
    // Countdowns ("还剩 3 天 5 小时") stay current on a page or kiosk left open for days.
    this.ticker = setInterval(() => {
      if (this.notices.some((n) => n.publicity)) this.requestUpdate();
    }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.motionQuery?.removeEventListener('change', this.onMotionChange);
    clearInterval(this.ticker);
    clearTimeout(this.rotation);
    this.rotationKey = '';
  }

  private onMotionChange = (e: MediaQueryListEvent) => (this.reducedMotion = e.matches);

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const api = this.api;
    if (api && (api !== this.source || this.orgUnitId !== this.sourceUnit)) void this.load(api);
    if (changed.has('category') || changed.has('notices')) this.slide = 0;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.scheduleRotation();
  }

  private async load(api: LinliClient): Promise<void> {
    this.source = api;
    this.sourceUnit = this.orgUnitId;
    const id = ++this.loadId;
    this.status = 'loading';
    this.error = undefined;
    try {
      // A page that sets its own clock (`now`) also asks which notices were active at that instant.
      const page = await api.notices.list({ orgUnitId: this.orgUnitId || undefined, activeAt: this.now?.toISOString(), limit: 100 });
      const all = await page.toArray(500);
      if (id !== this.loadId) return;
      this.bodies.clear();
      this.domIds = new Map(all.map((n, i) => [n.id, `n${i}`]));
      this.notices = sortNotices(all);
      this.status = 'ready';
    } catch (err) {
      if (id !== this.loadId) return;
      this.error = err;
      this.status = 'error';
    }
  }

  private retry = () => {
    this.source = undefined;
    this.requestUpdate();
  };

  /** Categories that have notices, in the SDK's order. */
  get categories(): string[] {
    return noticeCategories.filter((c) => this.notices.some((n) => n.category === c));
  }

  private get selected(): string {
    return this.categories.includes(this.category) ? this.category : ALL;
  }

  /** The notices on screen: the selected tab, capped at `limit`. */
  get visible(): Notice[] {
    const selected = this.selected;
    const max = Math.max(1, Math.trunc(this.limit) || 50);
    return (selected ? this.notices.filter((n) => n.category === selected) : this.notices).slice(0, max);
  }

  private heading(content: unknown, className: string): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 3));
    const tag = headingTags[level - 1]!;
    return staticHtml`<${tag} class=${className}>${content}</${tag}>`;
  }

  private domId(notice: Notice): string {
    return this.domIds.get(notice.id) ?? 'n-unknown';
  }

  /** The one place rich text becomes markup: DOMPurify output, cached per notice and locale. */
  private body(notice: Notice): string {
    const key = `${notice.id}|${this.locale}`;
    let clean = this.bodies.get(key);
    if (clean === undefined) {
      clean = sanitizeNoticeHtml(localize(notice.body, this.locale));
      this.bodies.set(key, clean);
    }
    return clean;
  }

  // ── tabs ────────────────────────────────────────────────────────────────────────────────────

  private selectTab(category: string, focus = false): void {
    this.category = category;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[role="tab"][aria-selected="true"]`)?.focus());
  }

  private onTabKeydown = (event: KeyboardEvent) => {
    const tabs = [ALL, ...this.categories];
    const i = tabs.indexOf(this.selected);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.selectTab(tabs[(next + tabs.length) % tabs.length]!, true);
  };

  private renderTabs(): TemplateResult {
    const tabs = [ALL, ...this.categories];
    const selected = this.selected;
    return html`<div class="tabs" part="tabs" role="tablist" aria-label=${this.t('tablist')} @keydown=${this.onTabKeydown}>
      ${tabs.map((c) => {
        const on = c === selected;
        const count = c ? this.notices.filter((n) => n.category === c).length : this.notices.length;
        return html`<button
          class="tab"
          part="tab"
          role="tab"
          type="button"
          id="tab-${c || 'all'}"
          aria-selected=${on ? 'true' : 'false'}
          aria-controls="panel"
          tabindex=${on ? 0 : -1}
          @click=${() => this.selectTab(c)}
        >
          ${c ? categoryLabel(this.locale, c) : this.t('all')} <span class="tab-count">(${count})</span>
        </button>`;
      })}
    </div>`;
  }

  // ── one notice ──────────────────────────────────────────────────────────────────────────────

  private toggle(notice: Notice): void {
    const next = new Set(this.expanded);
    if (!next.delete(notice.id)) next.add(notice.id);
    this.expanded = next;
  }

  private renderBadges(n: Notice): TemplateResult {
    const l = this.locale;
    return html`<p class="meta">
      ${n.category === 'emergency'
        ? html`<span class="badge emergency"><span aria-hidden="true">⚠</span> ${this.t('emergency')}</span>`
        : html`<span class="badge">${categoryLabel(l, n.category)}</span>`}
      ${n.pinned ? html`<span class="badge pinned">${this.t('pinned')}</span>` : nothing}
      <time datetime=${n.publishAt}>${this.t('published', { date: formatDate(n.publishAt, l) })}</time>
    </p>`;
  }

  private renderPublicity(p: NonNullable<Notice['publicity']>): TemplateResult {
    const l = this.locale;
    const phase = publicityPhase(p, this.now ?? this.clock());
    const period = this.t('publicityPeriod', { from: formatDay(p.from, l), to: formatDay(p.to, l) });
    const state =
      phase.phase === 'closed'
        ? this.t('publicityEnded')
        : phase.phase === 'upcoming'
          ? this.t('publicityUpcoming')
          : phase.days >= 1
            ? phase.hours
              ? this.t('remainingDaysHours', { d: phase.days, h: phase.hours })
              : this.t('remainingDays', { d: phase.days })
            : phase.hours >= 1
              ? this.t('remainingHours', { h: phase.hours })
              : this.t('remainingUnderHour');
    const to = p.objectionsTo;
    const url = safeHttpUrl(to.url);
    const email = safeEmail(to.email);
    return html`<div class="publicity ${phase.phase}" part="publicity">
      <p><strong>${period}</strong>${this.t('listSeparator')}<span class="countdown">${state}</span></p>
      ${phase.phase === 'closed'
        ? nothing
        : html`<p>${this.t('objection')}</p>
            <ul class="channels">
              ${to.phone ? html`<li>${this.t('phone')}${this.t('colon')}<a href=${telHref(to.phone)}>${to.phone}</a></li>` : nothing}
              ${email ? html`<li>${this.t('email')}${this.t('colon')}<a href="mailto:${email}">${email}</a></li>` : nothing}
              ${to.address ? html`<li>${this.t('address')}${this.t('colon')}${localize(to.address, l)}</li>` : nothing}
              ${url ? html`<li><a href=${url} target="_blank" rel="noopener noreferrer">${this.t('online')}</a></li>` : nothing}
            </ul>`}
    </div>`;
  }

  private renderAttachments(n: Notice): TemplateResult | typeof nothing {
    const files = n.attachments.map((a) => ({ ...a, href: safeHttpUrl(a.url) })).filter((a) => a.href);
    if (!files.length) return nothing;
    return html`<div class="attachments" part="attachments">
      <p class="attachments-title">${this.t('attachments')}</p>
      <ul>
        ${files.map(
          (a) =>
            html`<li>
              <a href=${a.href!} download=${a.name}>
                ${a.name}${a.size !== undefined ? html` <span class="size">(${formatSize(a.size)})</span>` : nothing}
              </a>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderNotice(n: Notice): TemplateResult {
    const id = this.domId(n);
    const open = this.expanded.has(n.id);
    const title = localize(n.title, this.locale);
    const urgent = n.category === 'emergency';
    return html`<li>
      <article class="notice ${urgent ? 'emergency' : ''} ${n.pinned ? 'pinned' : ''}" part="notice" aria-labelledby="${id}-toggle">
        ${this.heading(
          html`<button class="toggle" part="toggle" type="button" id="${id}-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="${id}-body" @click=${() => this.toggle(n)}>
            <span class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span>
            <span>${urgent ? html`<span class="visually-hidden">${this.t('emergency')}${this.t('colon')}</span>` : nothing}${title}</span>
          </button>`,
          'notice-title',
        )}
        ${this.renderBadges(n)} ${n.publicity ? this.renderPublicity(n.publicity) : nothing}
        <div class="body-region" id="${id}-body" role="region" aria-labelledby="${id}-toggle" ?hidden=${!open}>
          ${open ? html`<div class="body" part="body">${unsafeHTML(this.body(n))}</div>${this.renderAttachments(n)}` : nothing}
        </div>
      </article>
    </li>`;
  }

  // ── kiosk ───────────────────────────────────────────────────────────────────────────────────

  private get rotating(): boolean {
    return this.mode === 'kiosk' && this.visible.length > 1 && !(this.userPaused ?? this.reducedMotion) && !this.hovering && !this.focusPaused;
  }

  /** One timer per shown notice; pausing clears it, and any change of notice restarts the full interval. */
  private scheduleRotation(): void {
    const key = this.rotating ? `${this.slide}/${this.visible.length}/${this.interval}` : '';
    if (key === this.rotationKey) return;
    clearTimeout(this.rotation);
    this.rotationKey = key;
    if (!key) return;
    const seconds = Number.isFinite(this.interval) && this.interval > 0 ? this.interval : 12;
    this.rotation = setTimeout(() => {
      this.announce = false;
      this.slide = (this.slide + 1) % this.visible.length;
    }, seconds * 1000);
  }

  private go(step: number): void {
    const n = this.visible.length;
    this.announce = true;
    this.slide = (((this.slide + step) % n) + n) % n;
  }

  private toggleRotation = () => {
    this.userPaused = !(this.userPaused ?? this.reducedMotion);
  };

  /** Keyboard focus inside the kiosk pauses it (as the APG carousel does) — except on the play/pause button itself. */
  private onKioskFocusIn = (e: FocusEvent) => {
    const target = e.composedPath()[0] as HTMLElement;
    const isToggle = target.dataset?.['rotation'] !== undefined;
    const isControl = target.closest?.('.kiosk-controls') !== null;
    // Touching prev/next on a kiosk screen must not stop it for good; keyboard focus does.
    this.focusPaused = !isToggle && (!isControl || target.matches(':focus-visible'));
  };

  private onKioskFocusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (!next || !(this.renderRoot as ShadowRoot).contains(next)) this.focusPaused = false;
  };

  private renderKiosk(): TemplateResult {
    const list = this.visible;
    if (!list.length) return emptyState(this.t('empty'), this.t('emptyHint'));
    const index = Math.min(this.slide, list.length - 1);
    const n = list[index]!;
    const paused = this.userPaused ?? this.reducedMotion;
    const live = this.announce || !this.rotating ? 'polite' : 'off';
    return html`<section class="kiosk" part="kiosk" aria-roledescription="carousel" aria-label=${this.t('carousel')} @focusin=${this.onKioskFocusIn} @focusout=${this.onKioskFocusOut}>
      ${list.length > 1
        ? html`<div class="kiosk-controls" part="kiosk-controls">
            <button class="btn" type="button" data-rotation @click=${this.toggleRotation}>
              <span aria-hidden="true">${paused ? '▶' : '❚❚'}</span> ${paused ? this.t('play') : this.t('pause')}
            </button>
            <button class="btn secondary" type="button" @click=${() => this.go(-1)}><span aria-hidden="true">‹</span> ${this.t('previous')}</button>
            <button class="btn secondary" type="button" @click=${() => this.go(1)}>${this.t('next')} <span aria-hidden="true">›</span></button>
            <span class="position">${this.t('position', { i: index + 1, n: list.length })}</span>
            ${paused ? html`<span class="paused-note">${this.t('pausedNote')}</span>` : nothing}
          </div>`
        : nothing}
      <div class="slide-live" aria-live=${live}>
        <article
          class="slide notice ${n.category === 'emergency' ? 'emergency' : ''}"
          tabindex="-1"
          aria-roledescription="slide"
          aria-label=${this.t('position', { i: index + 1, n: list.length })}
          @pointerenter=${() => (this.hovering = true)}
          @pointerleave=${() => (this.hovering = false)}
        >
          ${this.heading(localize(n.title, this.locale), 'slide-title')} ${this.renderBadges(n)} ${n.publicity ? this.renderPublicity(n.publicity) : nothing}
          <div class="body" part="body">${unsafeHTML(this.body(n))}</div>
          ${this.renderAttachments(n)}
        </article>
      </div>
    </section>`;
  }

  // ── page ────────────────────────────────────────────────────────────────────────────────────

  override render() {
    if (this.status === 'error') return errorState(this.common('errorTitle'), this.describeError(this.error), this.common('retry'), this.retry);
    if (this.status !== 'ready') return loadingState(this.common('loading'));
    if (this.mode === 'kiosk') return this.renderKiosk();
    if (!this.notices.length) return emptyState(this.t('empty'), this.t('emptyHint'));
    const tabs = this.categories.length > 1;
    const selected = this.selected;
    return html`${tabs ? this.renderTabs() : nothing}
      <div id="panel" role=${tabs ? 'tabpanel' : nothing} aria-labelledby=${tabs ? `tab-${selected || 'all'}` : nothing}>
        <ul class="notices" part="list" role="list">
          ${this.visible.map((n) => this.renderNotice(n))}
        </ul>
      </div>`;
  }
}
