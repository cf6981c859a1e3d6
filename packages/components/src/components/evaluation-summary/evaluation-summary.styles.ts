import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  css`
    h2 {
      margin: 0 0 var(--_space);
      font-size: var(--_size-lg);
      line-height: 1.3;
    }
    h3 {
      margin: calc(var(--_space) * 3) 0 var(--_space);
      font-size: var(--_size);
    }
    p {
      margin: 0 0 var(--_space);
    }
    .hint {
      color: var(--_muted);
      font-size: var(--_size-sm);
    }
    .rate {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 calc(var(--_space) * 2);
      margin: 0;
    }
    .rate .label {
      font-weight: 600;
    }
    .value {
      font-size: calc(2.25rem * var(--_scale));
      line-height: 1.2;
      color: var(--_success);
    }
    .chart {
      display: block;
      width: 100%;
      /* Five rows of 3em (see ROW) and a little room for descenders. */
      height: 15.4em;
      margin-top: var(--_space);
      font-size: var(--_size);
      overflow: visible;
    }
    text {
      fill: currentColor;
    }
    .track {
      fill: var(--_surface-alt);
      stroke: var(--_divider);
    }
    .good {
      fill: var(--linli-evaluation-good, var(--_success));
    }
    .neutral {
      fill: var(--linli-evaluation-neutral, var(--_warning));
    }
    .bad {
      fill: var(--linli-evaluation-bad, var(--_danger));
    }
    @media (forced-colors: active) {
      .bar {
        fill: CanvasText;
      }
    }
    table {
      width: 100%;
      margin-top: var(--_space);
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: var(--_space);
    }
    th,
    td {
      padding: var(--_space);
      border-bottom: 1px solid var(--_divider);
      text-align: start;
    }
    td,
    th:not(:first-child) {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    dl {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, calc(16rem * var(--_scale))), 1fr));
      gap: var(--_space);
      margin: 0;
    }
    .metric {
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    dd .hint {
      display: block;
    }
    dd strong {
      font-size: var(--_size-lg);
      margin-inline-end: var(--_space);
    }
    .btn {
      margin-top: var(--_space);
    }
    .status {
      margin-top: var(--_space);
    }
  `,
];
