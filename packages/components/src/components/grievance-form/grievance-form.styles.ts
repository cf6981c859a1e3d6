import { css } from 'lit';
import { formControls } from './form-controls.styles.js';

export const styles = [
  formControls,
  css`
    :host {
      max-width: 48rem;
    }
    .section {
      margin: 0 0 calc(var(--_space) * 4);
    }
    .section > .field:last-child,
    .section > fieldset.field:last-child {
      margin-bottom: 0;
    }
    .section > legend {
      font-size: var(--_size-lg);
      font-weight: 700;
      padding: 0;
      margin-bottom: var(--_space);
    }
    .fixed-service {
      margin: 0 0 calc(var(--_space) * 2);
    }
    .note {
      background: var(--_surface-alt);
      border-left: 4px solid var(--_link);
      padding: var(--_space) calc(var(--_space) * 1.5);
      margin: 0 0 calc(var(--_space) * 3);
    }
    .modes {
      margin-bottom: calc(var(--_space) * 2);
    }
    .counter {
      margin: calc(var(--_space) * 0.5) 0 0;
      font-size: var(--_size-sm);
      color: var(--_muted);
    }
    .counter.over {
      color: var(--_danger);
      font-weight: 600;
    }
    /* The native file button speaks the browser's language, not the page's: a label styled as a button replaces it. */
    .file-input:focus-visible + .file-button {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .field > .file-button {
      display: inline-flex;
      margin: calc(var(--_space) * 0.5) 0;
      font-weight: 600;
    }
    .files {
      margin: 0;
      padding-left: 1.25em;
      overflow-wrap: anywhere;
    }
    .draft-note {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
      padding: var(--_space) calc(var(--_space) * 2);
      margin-bottom: calc(var(--_space) * 3);
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    .submit-error {
      margin-bottom: calc(var(--_space) * 2);
    }
    .submit-error p {
      margin: calc(var(--_space) * 0.5) 0 0;
    }
    .submit-row {
      margin-top: calc(var(--_space) * 2);
    }
    .btn.submit {
      min-width: 12em;
      font-size: var(--_size-lg);
    }
    .spinner {
      width: 1em;
      height: 1em;
      border: 3px solid currentColor;
      border-right-color: transparent;
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
        border-right-color: currentColor;
        opacity: 0.6;
      }
    }
    .queued h2 {
      font-size: var(--_size-lg);
      margin: 0 0 var(--_space);
    }
    .queued {
      border-left: 4px solid var(--_warning);
    }

    /* Receipt */
    .receipt {
      border: 2px solid var(--_success);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 3);
      background: var(--_surface);
    }
    .receipt-title {
      color: var(--_success);
      font-size: calc(var(--_size-lg) * 1.2);
      margin: 0 0 var(--_space);
    }
    .receipt-explain {
      font-weight: 600;
      margin: 0 0 calc(var(--_space) * 2);
    }
    .codes {
      margin: 0;
      display: grid;
      gap: calc(var(--_space) * 2);
    }
    .code-row dt {
      color: var(--_muted);
    }
    .code-row dd {
      margin: 0;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: var(--_space);
    }
    .code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace;
      font-size: calc(1.75rem * var(--_scale));
      font-weight: 700;
      letter-spacing: 0.12em;
      overflow-wrap: anywhere;
      user-select: all;
    }
    .copy-status {
      min-height: 1.6em;
      margin: var(--_space) 0 0;
      color: var(--_success);
      font-weight: 600;
    }
    .expected {
      font-size: var(--_size-lg);
      margin: var(--_space) 0 0;
    }
    @media print {
      :host {
        max-width: none;
        color: #000;
      }
      .receipt {
        border-color: #000;
      }
      .receipt-title,
      .code-row dt {
        color: #000;
      }
    }
  `,
];
