import { css } from 'lit';

export const guideStyles = css`
  :host {
    container-type: inline-size;
  }
  .guide {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  .header {
    display: grid;
    gap: var(--_space);
  }
  /* Focused only programmatically (see focusTitle); it is not a control, so no focus ring. */
  .title:focus {
    outline: none;
  }
  .title {
    margin: 0;
    font-size: calc(1.5rem * var(--_scale));
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  .provider,
  .description {
    margin: 0;
    color: var(--_muted);
  }
  .description {
    color: var(--_text);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    font-size: var(--_size-sm);
    line-height: 1.8;
  }
  .badge.pricing {
    border-color: var(--_success);
    color: var(--_success);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  section {
    display: grid;
    gap: var(--_space);
  }
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    line-height: 1.4;
  }
  section > :is(h2, h3, h4, h5, h6) {
    font-size: var(--_size-lg);
    padding-bottom: calc(var(--_space) / 2);
    border-bottom: 2px solid var(--_divider);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(6em, max-content) 1fr;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: baseline;
    margin: 0;
  }
  dt {
    font-weight: 600;
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @container (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dd {
      margin-bottom: var(--_space);
    }
  }
  /* Narrow: one card per material instead of four squeezed columns. */
  @container (max-width: 34rem) {
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tbody tr {
      padding: var(--_space);
      border: 1px solid var(--_divider);
      border-radius: var(--_radius);
    }
    tbody tr + tr {
      margin-top: var(--_space);
    }
    tbody :is(th, td) {
      padding: 0;
      border: none;
    }
    td[data-label]::before {
      content: attr(data-label); /* fallback where alt text for content is unsupported */
      content: attr(data-label) / ''; /* screen readers already hear the column header */
      color: var(--_muted);
      font-weight: 600;
    }
    td.blank {
      display: none;
    }
  }
  .hint {
    display: block;
    color: var(--_muted);
    font-size: var(--_size-sm);
  }
  ul,
  ol {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  li + li {
    margin-top: calc(var(--_space) / 2);
  }
  .steps li::marker {
    font-weight: 700;
  }
  .step-title {
    font-weight: 600;
  }
  .step-detail {
    display: block;
    color: var(--_muted);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--_space);
    border: 1px solid var(--_divider);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--_surface-alt);
  }
  .nowrap {
    white-space: nowrap;
  }
  a[href^='tel:'] {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
    font-weight: 600;
  }
  p {
    margin: 0;
  }
  .contact {
    margin-top: var(--_space);
  }
  @media print {
    :host {
      color: #000 !important;
      background: #fff !important;
      font-size: 11pt;
    }
    * {
      color: #000 !important;
      background: transparent !important;
      box-shadow: none !important;
    }
    .guide {
      max-width: none;
      width: 100%;
    }
    .actions,
    button,
    dialog {
      display: none !important;
    }
    a[href^='http']::after {
      content: ' (' attr(href) ')';
      font-size: 0.9em;
    }
    section,
    tr {
      break-inside: avoid;
    }
    th,
    td {
      border-color: #000;
    }
    .badge {
      border-color: #000;
    }
  }
`;
