import { LinliError, localize, type LinliClient, type Service } from '@linli/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { literal, html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { LinliElement } from '../../base/linli-element.js';
import { errorState, loadingState } from '../../base/states.js';
import { translate } from '../../i18n/translate.js';
import { tokens } from '../../styles/tokens.js';
import { ReportDialogController, reportDialogStyles } from './report-dialog.js';
import { guideMessages } from './service-guide.messages.js';
import { guideStyles } from './service-guide.styles.js';
import { audienceLabels, deliveryLabels, joinList, labelOf, pricingLabels, providerKindLabels, targetGroupLabels, telHref } from './service-labels.js';

type Key = keyof (typeof guideMessages)['zh-CN'];
type Status = 'idle' | 'loading' | 'ready' | 'not-found' | 'error';

/** Fixed literals, so the heading tag never comes from markup. */
const headingTags: StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * @summary 办事指南: everything a resident needs to get a matter done on the first visit — conditions,
 * materials, steps, time limit in working days, fees, where, when, whom to call and how to complain.
 *
 * @csspart header - The name, provider and badges.
 * @csspart title - The service name heading.
 * @csspart actions - The print and report buttons.
 * @csspart print-button - The 打印 button.
 * @csspart report-button - The 反映问题 button (requestable services only).
 * @csspart basics - The 基本信息 definition list.
 * @csspart section - Each guide section (conditions, materials, steps, legal basis, complaints).
 * @csspart materials-table - The 申请材料 table.
 * @csspart steps - The 办理流程 ordered list.
 * @csspart loading - The loading state.
 * @csspart error - The error and not-found states.
 * @csspart report-dialog - The modal dialog holding `<linli-grievance-form>`.
 *
 * @cssproperty --linli-color-primary - Buttons.
 * @cssproperty --linli-color-success - The pricing badge.
 * @cssproperty --linli-color-divider - Section rules and table borders.
 * @cssproperty --linli-font-scale - Text and target scale (适老化 large text).
 *
 * @event linli-report-request - The resident wants to report a problem about this service. Cancelable:
 * call `preventDefault()` to handle it yourself; otherwise a dialog with `<linli-grievance-form>` opens.
 * Detail: `{ serviceCode }`.
 */
export class LinliServiceGuide extends LinliElement {
  static override styles = [tokens, reportDialogStyles, guideStyles];

  /** The service to load through the client. Ignored while `.service` is set. */
  @property({ attribute: 'service-code', reflect: true }) serviceCode = '';
  /** A service object the page already has; shown as is, with no request. */
  @property({ attribute: false }) service?: Service;
  /** Level of the service-name heading (1–6); sections use the next level. Match the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** The community's phone number, offered when the guide cannot be shown. */
  @property({ attribute: 'contact-phone' }) contactPhone = '';

  @state() private loaded?: Service;
  @state() private status: Status = 'idle';
  @state() private error?: unknown;

  private requestedFrom?: LinliClient;
  private requestedCode = '';
  private loadId = 0;
  private readonly report = new ReportDialogController(this);

  private t(key: Key, params?: Record<string, string | number>): string {
    return translate(guideMessages, this.locale, key, params);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.service) return;
    const api = this.api;
    if (api && this.serviceCode && (api !== this.requestedFrom || this.serviceCode !== this.requestedCode)) void this.load(api, this.serviceCode);
  }

  private async load(api: LinliClient, code: string): Promise<void> {
    this.requestedFrom = api;
    this.requestedCode = code;
    const id = ++this.loadId;
    this.status = 'loading';
    this.error = undefined;
    try {
      const found = await api.services.get(code);
      if (id !== this.loadId) return;
      this.loaded = found;
      this.status = 'ready';
    } catch (err) {
      if (id !== this.loadId) return;
      this.error = err;
      this.status = LinliError.is(err) && err.code === 'not_found' ? 'not-found' : 'error';
    }
  }

  private retry = () => {
    this.requestedFrom = undefined;
    this.requestUpdate();
  };

  /** The service on screen: the `.service` property wins over a loaded one. */
  get current(): Service | undefined {
    return this.service ?? (this.status === 'ready' ? this.loaded : undefined);
  }

  private heading(offset: number, content: unknown, id?: string, part?: string): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2) + offset);
    const tag = headingTags[level - 1]!;
    // The title takes programmatic focus (tabindex -1) so a page or the directory can move readers to it.
    return staticHtml`<${tag} id=${id ?? nothing} part=${part ?? nothing} class=${part ?? nothing} tabindex=${part === 'title' ? '-1' : nothing}>${content}</${tag}>`;
  }

  /** Moves focus to the service name (e.g. after opening the guide), so screen readers start there. */
  async focusTitle(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="title"]')?.focus();
  }

  private print = () => window.print();

  private requestReport = (event: Event) => {
    const service = this.current;
    if (!service) return;
    const proceed = this.emit('linli-report-request', { serviceCode: service.code }, { cancelable: true });
    if (proceed) void this.report.open(service.code, localize(service.name, this.locale), event.currentTarget as HTMLElement);
  };

  override render() {
    const service = this.current;
    if (service) return this.renderGuide(service);
    if (this.status === 'not-found') return this.renderProblem(this.t('notFoundTitle'), this.t('notFound'));
    if (this.status === 'error') return this.renderProblem(this.common('errorTitle'), this.describeError(this.error), true);
    if (!this.serviceCode && this.api) return this.renderProblem(this.t('notFoundTitle'), this.t('noCode'));
    return loadingState(this.common('loading'));
  }

  private renderProblem(title: string, message: string, canRetry = false): TemplateResult {
    return html`${errorState(title, message, canRetry ? this.common('retry') : undefined, canRetry ? this.retry : undefined)}
    ${this.contactPhone ? html`<p class="contact">${this.t('callUs')} <a href=${telHref(this.contactPhone)}>${this.contactPhone}</a></p>` : nothing}`;
  }

  private renderGuide(s: Service): TemplateResult {
    const l = this.locale;
    const g = s.guide;
    const name = localize(s.name, l);
    const days = g.timeLimit.workingDays;
    const timeText = days === 0 ? this.t('onTheSpot') : days === 1 ? this.t('workingDayOne') : this.t('workingDays', { n: days });
    return html`<article class="guide" aria-labelledby="guide-title">
        <header class="header" part="header">
          ${this.heading(0, name, 'guide-title', 'title')}
          <p class="provider">${this.t('providerLine', { name: localize(s.provider.name, l), kind: labelOf(providerKindLabels, l, s.provider.kind) })}</p>
          <ul class="badges" aria-label=${this.t('tags')}>
            <li class="badge pricing">${labelOf(pricingLabels, l, s.pricing)}</li>
            <li class="badge">${labelOf(audienceLabels, l, s.audience)}</li>
            ${s.delivery.map((d) => html`<li class="badge">${labelOf(deliveryLabels, l, d)}</li>`)}
          </ul>
          ${s.description ? html`<p class="description">${localize(s.description, l)}</p>` : nothing}
        </header>

        <div class="actions no-print" part="actions">
          <button class="btn secondary" type="button" part="print-button" @click=${this.print}>${this.t('print')}</button>
          ${s.requestable
            ? html`<button class="btn" type="button" part="report-button" @click=${this.requestReport}>${this.t('report')}</button>`
            : nothing}
        </div>

        <section part="section basics-section" aria-labelledby="basics">
          ${this.heading(1, this.t('basics'), 'basics')}
          <dl part="basics">
            <dt>${this.t('audience')}</dt>
            <dd>${s.targetGroups.length ? joinList(s.targetGroups.map((t) => labelOf(targetGroupLabels, l, t)), l) : labelOf(targetGroupLabels, l, 'all')}</dd>
            <dt>${this.t('delivery')}</dt>
            <dd>${joinList(s.delivery.map((d) => labelOf(deliveryLabels, l, d)), l)}</dd>
            <dt>${this.t('timeLimit')}</dt>
            <dd>${timeText}${g.timeLimit.note ? html`<span class="hint">${localize(g.timeLimit.note, l)}</span>` : nothing}</dd>
            <dt>${this.t('fees')}</dt>
            <dd>${localize(g.fees, l)}</dd>
            <dt>${this.t('where')}</dt>
            <dd>${localize(g.where, l)}</dd>
            <dt>${this.t('hours')}</dt>
            <dd>${localize(g.hours, l)}</dd>
            <dt>${this.t('phone')}</dt>
            <dd><a href=${telHref(g.phone)}>${g.phone}</a></dd>
            <dt>${this.t('provider')}</dt>
            <dd>${localize(s.provider.name, l)}</dd>
            ${g.issuedBy
              ? html`<dt>${this.t('issuedBy')}</dt>
                  <dd>${localize(g.issuedBy, l)}<span class="hint">${this.t('issuedByHint')}</span></dd>`
              : nothing}
          </dl>
        </section>

        <section part="section" aria-labelledby="conditions">
          ${this.heading(1, this.t('conditions'), 'conditions')}
          ${g.conditions.length ? html`<ul>${g.conditions.map((c) => html`<li>${localize(c, l)}</li>`)}</ul>` : html`<p>${this.t('noConditions')}</p>`}
        </section>

        <section part="section" aria-labelledby="materials">
          ${this.heading(1, this.t('materials'), 'materials')}
          ${g.materials.length ? this.renderMaterials(s) : html`<p>${this.t('noMaterials')}</p>`}
        </section>

        ${g.steps.length
          ? html`<section part="section" aria-labelledby="steps">
              ${this.heading(1, this.t('steps'), 'steps')}
              <ol class="steps" part="steps">
                ${g.steps.map(
                  (step) =>
                    html`<li>
                      <span class="step-title">${localize(step.title, l)}</span>
                      ${step.detail ? html`<span class="step-detail">${localize(step.detail, l)}</span>` : nothing}
                    </li>`,
                )}
              </ol>
            </section>`
          : nothing}
        ${g.legalBasis.length
          ? html`<section part="section" aria-labelledby="legal">
              ${this.heading(1, this.t('legalBasis'), 'legal')}
              <ul>
                ${g.legalBasis.map((b) => html`<li>${localize(b, l)}</li>`)}
              </ul>
            </section>`
          : nothing}

        <section part="section" aria-labelledby="complaint">
          ${this.heading(1, this.t('complaint'), 'complaint')}
          <p>${localize(g.complaintRoute, l)}</p>
        </section>
      </article>
      ${this.report.render({ title: this.t('reportTitle', { name: this.report.serviceName || name }), close: this.common('close') }, this.client)}`;
  }

  private renderMaterials(s: Service): TemplateResult {
    const l = this.locale;
    const form = (original: boolean | undefined) => (original === undefined ? '—' : original ? this.t('original') : this.t('copy'));
    // Narrow screens show each material as a card (see the styles); explicit roles keep it a table for
    // screen readers even when CSS changes the display, and data-label gives each cell its header.
    const colon = l === 'en' ? ': ' : '：';
    const head = { copies: this.t('copies'), form: this.t('form'), note: this.t('note') };
    return html`<div class="table-wrap">
      <table part="materials-table" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${this.t('materialName')}</th>
            <th role="columnheader" scope="col" class="nowrap">${head.copies}</th>
            <th role="columnheader" scope="col" class="nowrap">${head.form}</th>
            <th role="columnheader" scope="col">${head.note}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${s.guide.materials.map(
            (m) =>
              html`<tr role="row">
                <th role="rowheader" scope="row">${localize(m.name, l)}</th>
                <td role="cell" class="nowrap" data-label=${head.copies + colon}>${m.copies ? this.t('copiesCount', { n: m.copies }) : '—'}</td>
                <td role="cell" class="nowrap" data-label=${head.form + colon}>${form(m.originalRequired)}</td>
                <td role="cell" class=${m.note ? '' : 'blank'} data-label=${head.note + colon}>${m.note ? localize(m.note, l) : ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
