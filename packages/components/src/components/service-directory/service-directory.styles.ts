import { css } from 'lit';

export const directoryStyles = css`
  :host {
    container-type: inline-size;
  }
  .controls {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: calc(var(--_space) * 1.5);
    align-items: end;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  label {
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: var(--_size-sm);
  }
  input,
  select {
    width: 100%;
    min-height: var(--_target);
    padding: 0 var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin: calc(var(--_space) * 2) 0 var(--_space);
  }
  .count {
    margin: 0;
    font-weight: 600;
  }
  .list {
    height: var(--linli-service-directory-height, min(70vh, 44rem));
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .row {
    width: 100%;
    padding: var(--_space);
  }
  .card {
    position: relative;
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .card:hover {
    border-color: var(--_border);
    background: var(--_surface-alt);
  }
  .open {
    all: unset;
    box-sizing: border-box;
    display: block;
    min-height: var(--_target);
    padding: calc(var(--_space) / 2) 0;
    color: var(--_link);
    font-size: var(--_size-lg);
    font-weight: 700;
    line-height: 1.4;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  /* The whole card is the click target (stretched button); the report button sits above it. */
  .open::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
  }
  .open:focus-visible {
    outline: none;
  }
  .open:focus-visible::after {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_size-sm);
  }
  .tag {
    padding: 0 calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    line-height: 1.8;
  }
  .tag.pricing {
    border-color: var(--_success);
    color: var(--_success);
    font-weight: 600;
  }
  .desc {
    margin: 0;
    color: var(--_muted);
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .report {
    position: relative;
    z-index: 1;
    justify-self: start;
  }
  /* Wide containers: the report action moves to the right of the card instead of below it. */
  @container (min-width: 40rem) {
    .card {
      grid-template-columns: 1fr auto;
      column-gap: calc(var(--_space) * 2);
    }
    .card > :not(.report) {
      grid-column: 1;
    }
    .card > .report {
      grid-column: 2;
      grid-row: 1 / span 3;
      align-self: center;
    }
  }
  .detail {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .back {
    justify-self: start;
  }
  .contact {
    margin: var(--_space) 0 0;
  }
  .contact a {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
    font-weight: 600;
  }
  .empty-actions {
    margin-top: var(--_space);
  }
  [part='empty'] p {
    margin: 0;
  }
  [part='empty'] p:first-child {
    font-weight: 700;
  }
  [part='empty'] p + p {
    margin-top: calc(var(--_space) / 2);
  }
  @media print {
    .controls,
    .summary,
    .list-wrap,
    .back,
    dialog {
      display: none !important;
    }
  }
`;
