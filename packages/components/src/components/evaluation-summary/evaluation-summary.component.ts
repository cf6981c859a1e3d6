import {
  evaluationLevelLabels,
  evaluationLevels,
  localize,
  type EvaluationLevel,
  type EvaluationSummary,
  type EvaluationTargetType,
  type SummaryQuery,
} from '@linli/sdk';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LinliElement } from '../../base/linli-element.js';
import { emptyState, errorState, loadingState } from '../../base/states.js';
import { translate } from '../../i18n/translate.js';
import { messages } from './evaluation-summary.messages.js';
import { styles } from './evaluation-summary.styles.js';

type Key = keyof (typeof messages)['zh-CN'];
type RateKey = 'rectificationRate' | 'revisitRate' | 'evaluatedRate' | 'unevaluatedRate' | 'onTimeRate';

/** The follow-up metrics, each with its plain-words explanation and the count it is a share of. */
const METRICS: { key: RateKey; help: Key; base?: keyof EvaluationSummary }[] = [
  { key: 'rectificationRate', help: 'rectificationHelp', base: 'badNeedingRectification' },
  { key: 'revisitRate', help: 'revisitHelp' },
  { key: 'evaluatedRate', help: 'evaluatedHelp', base: 'resolvedGrievances' },
  { key: 'unevaluatedRate', help: 'unevaluatedHelp' },
  { key: 'onTimeRate', help: 'onTimeHelp' },
];

/** Rows of the chart, in em so the chart grows with large text. */
const ROW = 3;

/**
 * A CMS author writes `from="2024-01-01"`; the SDK wants a full timestamp. Plain dates are read as
 * whole days in China time (+08:00), the time zone every policy deadline uses.
 */
export function toTimestamp(value: string | undefined, end: boolean): string | undefined {
  if (!value) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}+08:00` : value;
}

/**
 * @summary 好评率, the level distribution (an accessible SVG bar chart with a table alternative) and the
 * follow-up metrics (差评整改率, 回访率, 主动评价率 / 未评价率, on-time rate) in plain words.
 *
 * @csspart base - The wrapper section.
 * @csspart heading - The heading.
 * @csspart headline - The 好评率 figure with the count and the average.
 * @csspart chart - The SVG bar chart.
 * @csspart bar - One bar.
 * @csspart table-toggle - The "show as a table" button.
 * @csspart table - The table of counts per level.
 * @csspart metrics - The `<dl>` of follow-up metrics.
 * @csspart loading - The loading state.
 * @csspart empty - The "no ratings yet" state.
 * @csspart error - The error state, with a retry button.
 *
 * @cssproperty --linli-evaluation-good - Bar colour for 满意 / 非常满意 (default: the success token).
 * @cssproperty --linli-evaluation-neutral - Bar colour for 基本满意 (default: the warning token).
 * @cssproperty --linli-evaluation-bad - Bar colour for 不满意 / 非常不满意 (default: the danger token).
 * @cssproperty --linli-font-scale - Scales text, chart rows and targets.
 */
export class LinliEvaluationSummary extends LinliElement {
  static override styles = styles;

  @property({ attribute: 'org-unit-id' }) orgUnitId?: string;
  @property({ attribute: 'service-code' }) serviceCode?: string;
  @property({ attribute: 'target-type' }) targetType?: EvaluationTargetType;
  /** Start of the period: a date (`2024-01-01`, China time) or a full ISO timestamp. */
  @property() from?: string;
  /** End of the period (inclusive): a date or a full ISO timestamp. */
  @property() to?: string;
  /** The heading; defaults to "好差评情况" in the current locale. */
  @property() heading?: string;

  @state() private summary?: EvaluationSummary;
  @state() private error?: unknown;
  @state() private loading = false;
  @state() private tableShown = false;

  private request = 0;
  /** Someone rated on this page: the figures change, so fetch them again. */
  private readonly onRated = () => void this.load();

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('linli-evaluation-submit', this.onRated);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('linli-evaluation-submit', this.onRated);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const keys: PropertyKey[] = ['orgUnitId', 'serviceCode', 'targetType', 'from', 'to', 'client', 'linli'];
    if (keys.some((k) => (changed as Map<PropertyKey, unknown>).has(k))) void this.load();
  }

  /** The query the figures are for. */
  get query(): SummaryQuery {
    return {
      orgUnitId: this.orgUnitId || undefined,
      serviceCode: this.serviceCode || undefined,
      targetType: this.targetType || undefined,
      from: toTimestamp(this.from, false),
      to: toTimestamp(this.to, true),
    };
  }

  /** Fetches the figures again (also runs on attribute changes and after a rating on this page). */
  async load(): Promise<void> {
    const api = this.api;
    if (!api || !api.supports('summary')) return;
    const id = ++this.request;
    this.loading = true;
    try {
      const summary = await api.evaluations.summary(this.query);
      if (id !== this.request) return;
      this.summary = summary;
      this.error = undefined;
    } catch (err) {
      if (id !== this.request) return;
      this.error = err;
    } finally {
      if (id === this.request) this.loading = false;
    }
  }

  private t(key: Key, params?: Record<string, string | number>) {
    return translate(messages, this.locale, key, params);
  }

  private pct(rate: number) {
    return new Intl.NumberFormat(this.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
  }

  private date(value: string) {
    const d = new Date(toTimestamp(value, false)!);
    return Number.isNaN(d.getTime()) ? value : new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(d);
  }

  private period() {
    const { from, to } = this;
    if (!from && !to) return nothing;
    const text =
      from && to ? this.t('period', { from: this.date(from), to: this.date(to) }) : from ? this.t('since', { from: this.date(from) }) : this.t('until', { to: this.date(to!) });
    return html`<p class="hint">${text}</p>`;
  }

  override render() {
    const api = this.api;
    const heading = html`<h2 id="heading" part="heading">${this.heading || this.t('heading')}</h2>`;
    let body: TemplateResult | typeof nothing;
    if (api && !api.supports('summary')) body = emptyState(this.t('unsupported'));
    else if (this.error && !this.summary) body = errorState(this.common('errorTitle'), this.describeError(this.error), this.common('retry'), () => void this.load());
    else if (!this.summary) body = loadingState(this.common('loading'));
    else body = this.renderSummary(this.summary);
    return html`<section part="base" aria-labelledby="heading" aria-busy=${this.loading ? 'true' : 'false'}>
      ${heading} ${this.period()} ${body}
      ${this.summary && this.loading ? html`<p class="hint" role="status">${this.t('updating')}</p>` : nothing}
      ${this.summary && this.error && !this.loading
        ? errorState(this.common('errorTitle'), this.describeError(this.error), this.common('retry'), () => void this.load())
        : nothing}
    </section>`;
  }

  private renderSummary(s: EvaluationSummary) {
    const avg = s.averageLevel === null ? '' : new Intl.NumberFormat(this.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(s.averageLevel);
    return html`<div class="headline" part="headline">
        <p class="rate">
          <span class="label">${this.t('goodRate')}</span>
          ${s.goodRate === null ? html`<strong>${this.t('noRatings')}</strong>` : html`<strong class="value">${this.pct(s.goodRate)}</strong>`}
        </p>
        <p class="hint">${this.t('goodRateHelp')}</p>
        ${s.count ? html`<p>${this.t('count', { n: s.count })}${avg ? html` · ${this.t('average', { n: avg })}` : nothing}</p>` : nothing}
      </div>
      ${s.count ? this.renderDistribution(s) : emptyState(this.t('noRatingsHint'))} ${this.renderMetrics(s)}`;
  }

  private renderDistribution(s: EvaluationSummary) {
    const rows = evaluationLevels.map((level) => {
      const n = s.levels[level];
      const share = n / s.count;
      const label = localize(evaluationLevelLabels[level], this.locale);
      return { level, n, share, label, text: this.t('row', { label, n, pct: this.pct(share) }) };
    });
    const tone = (l: EvaluationLevel) => (l >= 4 ? 'good' : l === 3 ? 'neutral' : 'bad');
    return html`<svg class="chart" part="chart" role="img" aria-label=${this.t('chartLabel', { list: rows.map((r) => r.text).join('；') })}>
        ${rows.map(
          (r, i) =>
            svg`<text x="0" y="${i * ROW + 1.1}em">${r.text}</text>
            <rect class="track" x="0" y="${i * ROW + 1.5}em" width="100%" height="1em" rx="3"></rect>
            <rect class="bar ${tone(r.level)}" part="bar" x="0" y="${i * ROW + 1.5}em" width="${(r.share * 100).toFixed(2)}%" height="1em" rx="3"></rect>`,
        )}
      </svg>
      <button
        class="btn secondary"
        type="button"
        part="table-toggle"
        aria-expanded=${this.tableShown ? 'true' : 'false'}
        aria-controls="table"
        @click=${() => (this.tableShown = !this.tableShown)}
      >
        ${this.t('showTable')}
      </button>
      <table id="table" part="table" class=${this.tableShown ? '' : 'visually-hidden'}>
        <caption>
          ${this.t('caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('level')}</th>
            <th scope="col">${this.t('number')}</th>
            <th scope="col">${this.t('share')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.n}</td><td>${this.pct(r.share)}</td></tr>`)}
        </tbody>
      </table>`;
  }

  private renderMetrics(s: EvaluationSummary) {
    const shown = METRICS.filter((m) => s[m.key] !== null);
    if (!shown.length) return nothing;
    return html`<h3>${this.t('metrics')}</h3>
      <dl part="metrics">
        ${shown.map(
          (m) => html`<div class="metric">
            <dt>${this.t(m.key)}</dt>
            <dd><strong>${this.pct(s[m.key]!)}</strong> <span class="hint">${this.t(m.help, { n: m.base ? (s[m.base] as number) : '' })}</span></dd>
          </div>`,
        )}
      </dl>`;
  }
}
