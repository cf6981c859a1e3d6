import { css } from 'lit';

export const noticeStyles = css`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-bottom: calc(var(--_space) * 2);
    border-bottom: 2px solid var(--_divider);
    padding-bottom: var(--_space);
  }
  .tab {
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0 calc(var(--_space) * 1.5);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .tab:hover {
    background: var(--_surface-alt);
  }
  .tab[aria-selected='true'] {
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 700;
    /* Not by colour alone: the selected tab is also underlined. */
    text-decoration: underline;
    text-decoration-thickness: 2px;
    text-underline-offset: 0.3em;
  }
  .tab-count {
    font-weight: 400;
  }
  .notices {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .notice {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_divider);
    border-left: 4px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .notice.pinned {
    border-left-color: var(--_primary);
  }
  .notice.emergency {
    border: 3px solid var(--_danger);
    border-left-width: 10px;
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
  }
  .notice-title,
  .slide-title {
    margin: 0;
    font-size: var(--_size-lg);
    line-height: 1.4;
  }
  .toggle {
    all: unset;
    box-sizing: border-box;
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
    width: 100%;
    min-height: var(--_target);
    padding: calc(var(--_space) / 2) 0;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .toggle:hover > span:last-child {
    text-decoration: underline;
  }
  .toggle:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .chevron {
    flex: none;
    width: 1em;
    color: var(--_muted);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0;
    color: var(--_muted);
    font-size: var(--_size-sm);
  }
  .badge {
    padding: 0 calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    line-height: 1.8;
  }
  .badge.pinned {
    border-color: var(--_primary);
    color: var(--_primary);
    font-weight: 700;
  }
  .badge.emergency {
    border: 2px solid var(--_danger);
    background: var(--_danger);
    color: var(--_on-primary);
    font-weight: 700;
  }
  .publicity {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .publicity.closed {
    border-color: var(--_divider);
    color: var(--_muted);
  }
  .publicity p {
    margin: 0;
  }
  .countdown {
    font-weight: 700;
  }
  .channels {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .channels a,
  .attachments a {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-height: var(--_target);
    overflow-wrap: anywhere;
  }
  .body-region {
    display: grid;
    gap: var(--_space);
  }
  .body-region[hidden] {
    display: none;
  }
  .body {
    overflow-x: auto;
    overflow-wrap: anywhere;
  }
  .body :is(p, ul, ol, blockquote, table) {
    margin: 0 0 var(--_space);
  }
  .body :is(h3, h4, h5, h6) {
    margin: calc(var(--_space) * 1.5) 0 var(--_space);
    font-size: var(--_size);
  }
  .body table {
    border-collapse: collapse;
  }
  .body :is(th, td) {
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_divider);
    text-align: start;
  }
  .body blockquote {
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_divider);
  }
  .attachments-title {
    margin: 0;
    font-weight: 700;
  }
  .attachments ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .size {
    color: var(--_muted);
  }

  /* Kiosk / LED: everything larger, one notice at a time. */
  .kiosk {
    /* Tokens are computed on :host, so every derived size is restated with the kiosk scale. */
    --_scale: calc(var(--linli-font-scale, 1) * var(--linli-notice-kiosk-scale, 1.4));
    --_size: calc(1rem * var(--_scale));
    --_size-sm: calc(0.875rem * var(--_scale));
    --_size-lg: calc(1.25rem * var(--_scale));
    --_target: calc(44px * var(--_scale));
    --_space: calc(0.5rem * var(--_scale));
    display: grid;
    gap: calc(var(--_space) * 1.5);
    font-size: var(--_size);
  }
  .kiosk-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .position,
  .paused-note {
    color: var(--_muted);
  }
  .paused-note {
    font-weight: 700;
  }
  .slide {
    padding: calc(var(--_space) * 2);
  }
  .slide:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .slide-title {
    font-size: calc(1.6rem * var(--_scale));
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
    .tabs,
    .kiosk-controls,
    .chevron {
      display: none !important;
    }
  }
`;
