import { css } from 'lit';
import { formControls } from '../grievance-form/form-controls.styles.js';

export const styles = [
  formControls,
  css`
    :host {
      max-width: 48rem;
    }
    h2 {
      font-size: calc(var(--_size-lg) * 1.1);
      margin: 0 0 var(--_space);
    }
    h3 {
      font-size: var(--_size-lg);
      margin: calc(var(--_space) * 3) 0 var(--_space);
    }
    .lookup {
      margin-bottom: calc(var(--_space) * 3);
    }
    .lookup > .hint {
      margin-bottom: calc(var(--_space) * 2);
    }
    .code-fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 calc(var(--_space) * 3);
    }
    .code-fields .field {
      flex: 1 1 14em;
    }
    .code-input {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      letter-spacing: 0.08em;
      text-transform: uppercase;
    }
    .code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-weight: 700;
      letter-spacing: 0.08em;
      overflow-wrap: anywhere;
    }
    .lookup-problem {
      margin-bottom: calc(var(--_space) * 2);
    }
    .lookup-problem p {
      margin: 0;
    }
    .result {
      border-top: 1px solid var(--_divider);
      padding-top: calc(var(--_space) * 2);
    }
    .eyebrow {
      margin: 0;
      color: var(--_muted);
    }
    .status-label {
      margin: var(--_space) 0 0;
    }
    .status-phrase {
      font-size: calc(var(--_size-lg) * 1.3);
      color: var(--_text);
      border-left: 6px solid var(--_primary);
      padding-left: var(--_space);
    }
    .status-phrase.status-closed,
    .status-phrase.status-resolved {
      border-left-color: var(--_success);
    }
    .status-phrase.status-awaiting_reporter {
      border-left-color: var(--_warning);
    }

    /* Step indicator: five columns joined by a line, labels under the markers. */
    .steps {
      list-style: none;
      margin: calc(var(--_space) * 2) 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(5, 1fr);
    }
    .steps li {
      position: relative;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
      padding: 0 2px;
      text-align: center;
      color: var(--_muted);
      font-size: var(--_size-sm);
      line-height: 1.3;
    }
    .steps li + li::before {
      content: '';
      position: absolute;
      top: calc(1rem * var(--_scale) - 1px);
      right: 50%;
      width: 100%;
      height: 3px;
      background: var(--_divider);
    }
    .steps li.done::before,
    .steps li.current::before {
      background: var(--_success);
    }
    .steps .marker {
      position: relative;
      z-index: 1;
      display: inline-grid;
      place-items: center;
      width: calc(2rem * var(--_scale));
      height: calc(2rem * var(--_scale));
      border-radius: 50%;
      border: 2px solid var(--_border);
      background: var(--_surface);
      font-weight: 700;
    }
    .steps li.done {
      color: var(--_success);
    }
    .steps li.done .marker {
      background: var(--_success);
      border-color: var(--_success);
      color: var(--_surface);
    }
    .steps li.current {
      color: var(--_text);
      font-weight: 700;
    }
    .steps li.current:not(.done) .marker {
      border: 3px solid var(--_primary);
      color: var(--_primary);
      box-shadow: 0 0 0 3px var(--_surface), 0 0 0 5px var(--_primary);
    }
    .expected {
      font-size: var(--_size-lg);
      margin: var(--_space) 0;
    }
    .days-left {
      display: block;
    }
    .expected.overdue strong {
      color: var(--_warning);
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: calc(var(--_space) * 0.5) calc(var(--_space) * 2);
      margin: calc(var(--_space) * 2) 0;
    }
    .facts div {
      display: contents;
    }
    .facts dt {
      color: var(--_muted);
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .prose {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 0;
    }
    .panel {
      border: 2px solid var(--_divider);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 2);
      margin: calc(var(--_space) * 2) 0;
      background: var(--_surface);
    }
    .panel h3 {
      margin-top: 0;
    }
    .reply {
      border-color: var(--_warning);
    }
    .confirm {
      border-color: var(--_danger);
    }
    .confirm p:focus {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .evaluate {
      margin: calc(var(--_space) * 3) 0;
    }
    .dispute {
      margin: calc(var(--_space) * 2) 0;
    }
    .btn.danger {
      background: var(--_danger);
      border-color: var(--_danger);
      color: var(--_on-primary);
    }
    .action-error {
      margin: calc(var(--_space) * 2) 0;
    }
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .timeline li {
      position: relative;
      padding: 0 0 calc(var(--_space) * 2) calc(var(--_space) * 3);
      border-left: 2px solid var(--_divider);
      margin-left: calc(var(--_space) * 0.75);
    }
    .timeline li::before {
      content: '';
      position: absolute;
      left: calc(var(--_space) * -0.75 - 1px);
      top: 0.4em;
      width: calc(var(--_space) * 1.5);
      height: calc(var(--_space) * 1.5);
      border-radius: 50%;
      background: var(--_muted);
    }
    .timeline li:first-child::before {
      background: var(--_primary);
    }
    .timeline time {
      display: block;
      color: var(--_muted);
      font-size: var(--_size-sm);
    }
    .timeline .what {
      display: block;
    }
    .order {
      font-size: var(--_size-sm);
      font-weight: 400;
    }
    [hidden] {
      display: none !important;
    }
  `,
];
