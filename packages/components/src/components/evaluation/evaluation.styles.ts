import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  css`
    :host {
      container-type: inline-size;
    }
    p {
      margin: 0 0 var(--_space);
    }
    .q,
    h2 {
      margin: 0 0 var(--_space);
      font-size: var(--_size-lg);
      font-weight: 600;
      line-height: 1.3;
    }
    .levels {
      display: grid;
      grid-template-columns: repeat(5, 1fr);
      gap: var(--_space);
    }
    .level {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: var(--_space);
      min-height: calc(var(--_target) * 2);
      padding: var(--_space);
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      text-align: center;
      line-height: 1.3;
      cursor: pointer;
      user-select: none;
    }
    .level:hover {
      background: var(--_surface-alt);
    }
    /* Chosen = filled, bold and a check mark, so colour is never the only cue. */
    .level[aria-checked='true'] {
      border-color: var(--_primary);
      background: var(--_primary);
      color: var(--_on-primary);
      font-weight: 700;
    }
    .level[aria-checked='true'] span::before {
      content: '✓ ';
    }
    .level[aria-disabled='true'] {
      opacity: 0.6;
      cursor: not-allowed;
    }
    [aria-invalid='true'] > .level,
    input[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    svg {
      flex: none;
      width: var(--linli-evaluation-icon-size, calc(2.25rem * var(--_scale)));
      height: var(--linli-evaluation-icon-size, calc(2.25rem * var(--_scale)));
    }
    /* Phones and narrow columns: one full-width row per level, easy to hit and to read. */
    @container (max-width: 40rem) {
      .levels {
        grid-template-columns: 1fr;
      }
      .level {
        flex-direction: row;
        justify-content: flex-start;
        min-height: var(--_target);
      }
      svg {
        width: calc(1.75rem * var(--_scale));
        height: calc(1.75rem * var(--_scale));
      }
    }
    fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      margin: calc(var(--_space) * 2) 0 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend,
    label[for] {
      display: block;
      padding: 0;
      margin-bottom: var(--_space);
      font-weight: 600;
    }
    .opt {
      display: inline-flex;
      align-items: center;
      gap: var(--_space);
      min-height: var(--_target);
      padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      cursor: pointer;
    }
    .opt:has(:checked) {
      border-color: var(--_primary);
      box-shadow: inset 0 0 0 1px var(--_primary);
    }
    [type='checkbox'] {
      flex: none;
      width: calc(1.25rem * var(--_scale));
      height: calc(1.25rem * var(--_scale));
      margin: 0;
      accent-color: var(--_primary);
    }
    .field,
    .note,
    .status,
    .btn {
      margin-top: calc(var(--_space) * 2);
    }
    textarea,
    input:not([type='checkbox']) {
      display: block;
      width: 100%;
      min-height: var(--_target);
      padding: var(--_space);
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    textarea {
      min-height: calc(6rem * var(--_scale));
      resize: vertical;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      column-gap: calc(var(--_space) * 2);
    }
    .hint {
      margin: calc(var(--_space) / 2) 0 0;
      color: var(--_muted);
      font-size: var(--_size-sm);
    }
    .note {
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-left: 4px solid var(--_warning);
      background: var(--_surface-alt);
    }
    .invalid {
      margin: var(--_space) 0 0;
      color: var(--_danger);
      font-weight: 600;
    }
    .status p:last-child {
      margin-bottom: 0;
    }
    .done {
      border-left: 4px solid var(--_success);
    }
  `,
];
