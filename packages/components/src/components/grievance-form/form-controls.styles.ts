import { css } from 'lit';

/** Field, choice, hint and error styles shared by the grievance form and tracker. */
export const formControls = css`
  .field {
    margin: 0 0 calc(var(--_space) * 3);
  }
  .field > label,
  .field-title,
  fieldset.choices > legend {
    display: block;
    font-weight: 600;
    margin-bottom: calc(var(--_space) * 0.5);
  }
  .required {
    font-weight: 400;
    color: var(--_muted);
  }
  .hint,
  .muted {
    color: var(--_muted);
    margin: 0 0 calc(var(--_space) * 0.5);
    font-size: var(--_size-sm);
  }
  input[type='text'],
  input[type='tel'],
  input[type='number'],
  input[type='datetime-local'],
  select,
  textarea {
    display: block;
    min-height: var(--_target);
    width: 100%;
    max-width: 24em;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input.wide,
  select.wide,
  textarea {
    max-width: 40em;
  }
  textarea {
    resize: vertical;
    line-height: 1.6;
  }
  input[type='file'] {
    display: block;
    min-height: var(--_target);
    max-width: 100%;
    padding: calc(var(--_space) * 0.5) 0;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    border-color: var(--_text);
  }
  select[disabled] {
    opacity: 0.6;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: var(--_target);
  }
  .choice input {
    flex: none;
    width: calc(1.5rem * var(--_scale));
    height: calc(1.5rem * var(--_scale));
    margin: 0;
    accent-color: var(--_primary);
  }
  .choice label {
    flex: 1;
    padding: calc(var(--_space) * 0.5) 0;
    cursor: pointer;
  }
  /* A hint that belongs to a checkbox sits under its label, not under the box. */
  .choice + .hint {
    margin: calc(var(--_space) * -0.5) 0 calc(var(--_space) * 2) calc(1.5rem * var(--_scale) + var(--_space));
  }
  /* Headings that receive focus from script (not operable controls) get a quiet marker instead of a ring. */
  h2[tabindex='-1']:focus,
  h3[tabindex='-1']:focus {
    outline: none;
    text-decoration: underline;
    text-decoration-thickness: 2px;
    text-underline-offset: 4px;
  }
  .choices.inline {
    display: block;
  }
  .choices.inline .choice {
    display: inline-flex;
    margin-right: calc(var(--_space) * 4);
  }
  .has-error {
    border-left: 4px solid var(--_danger);
    padding-left: calc(var(--_space) * 1.5);
  }
  .has-error input:not([type='radio'], [type='checkbox'], [type='file']),
  .has-error select,
  .has-error textarea {
    border-color: var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .error-summary {
    border: 4px solid var(--_danger);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    margin-bottom: calc(var(--_space) * 3);
    background: var(--_surface);
  }
  .error-summary:focus-visible,
  .error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .error-summary-title {
    font-size: var(--_size-lg);
    margin: 0 0 var(--_space);
  }
  .error-summary ul {
    margin: 0;
    padding-left: 1.25em;
  }
  .error-summary li {
    margin: calc(var(--_space) * 0.5) 0;
  }
  /* Block links: the bullet stays on the first line of a wrapped entry, and the whole line is the target. */
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
    display: block;
    padding: calc(var(--_space) * 0.25) 0;
  }
  .btn.small {
    min-height: var(--_target);
    padding: 0 var(--_space);
    font-weight: 500;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }
  h2,
  h3 {
    line-height: 1.3;
  }
`;
