import type { LinliClient } from '@linli/sdk';
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface ReportDialogLabels {
  title: string;
  close: string;
}

/**
 * The "report a problem about this service" dialog shared by the directory and the guide: a native
 * modal `<dialog>` (Escape closes it, the page behind is inert) around `<linli-grievance-form>`.
 * The form stays rendered after closing, so a resident who presses Escape by mistake loses nothing.
 */
export class ReportDialogController implements ReactiveController {
  /** The service the dialog is (or was last) open for. */
  serviceCode?: string;
  serviceName = '';
  private opener?: HTMLElement;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {}

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog.report-dialog');
  }

  async open(serviceCode: string, serviceName: string, opener?: HTMLElement): Promise<void> {
    this.serviceCode = serviceCode;
    this.serviceName = serviceName;
    this.opener = opener;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
  }

  close(): void {
    this.dialog?.close();
  }

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  private readonly onClose = () => {
    // Chromium restores focus itself, but not every browser does; the opener may also be a re-rendered row.
    if (this.opener?.isConnected) this.opener.focus();
  };

  render(labels: ReportDialogLabels, client?: LinliClient): TemplateResult {
    return html`<dialog class="report-dialog" part="report-dialog" aria-labelledby="report-dialog-title" @close=${this.onClose}>
      <div class="report-dialog-head">
        <h2 id="report-dialog-title">${labels.title}</h2>
        <button class="btn secondary" type="button" @click=${() => this.close()}>${labels.close}</button>
      </div>
      ${this.serviceCode
        ? html`<linli-grievance-form service-code=${this.serviceCode} .client=${client}></linli-grievance-form>`
        : nothing}
    </dialog>`;
  }
}

export const reportDialogStyles = css`
  .report-dialog {
    width: min(100% - 2 * var(--_space), 48rem);
    max-height: calc(100% - 4 * var(--_space));
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .report-dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  .report-dialog-head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: calc(var(--_space) * 2);
    margin-bottom: calc(var(--_space) * 2);
  }
  .report-dialog-head h2 {
    margin: 0;
    font-size: var(--_size-lg);
    line-height: 1.4;
  }
`;
