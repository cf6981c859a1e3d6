import { css } from 'lit';

/**
 * Shared design tokens. Hosts theme components with `--linli-*` custom properties (they inherit through
 * shadow DOM); `<linli-provider theme="dark" large-text>` sets a whole theme. Defaults meet WCAG 2.2 AA.
 */
export const tokens = css`
  :host {
    --_primary: var(--linli-color-primary, #b3261e);
    --_primary-hover: var(--linli-color-primary-hover, #8c1d18);
    --_on-primary: var(--linli-color-on-primary, #ffffff);
    --_text: var(--linli-color-text, #1f1f1f);
    --_muted: var(--linli-color-text-muted, #555a60);
    --_surface: var(--linli-color-surface, #ffffff);
    --_surface-alt: var(--linli-color-surface-alt, #f4f5f7);
    --_border: var(--linli-color-border, #8a9099);
    --_divider: var(--linli-color-divider, #dde0e4);
    --_focus: var(--linli-color-focus, #1a5fb4);
    --_success: var(--linli-color-success, #1e6b34);
    --_warning: var(--linli-color-warning, #8a5300);
    --_danger: var(--linli-color-danger, #b3261e);
    --_link: var(--linli-color-link, #1a5fb4);
    --_radius: var(--linli-radius, 6px);
    --_font: var(--linli-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    --_scale: var(--linli-font-scale, 1);
    --_size: calc(1rem * var(--_scale));
    --_size-sm: calc(0.875rem * var(--_scale));
    --_size-lg: calc(1.25rem * var(--_scale));
    --_target: calc(44px * var(--_scale));
    --_space: calc(0.5rem * var(--_scale));
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.6;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0 calc(var(--_space) * 2);
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    cursor: pointer;
  }
  .btn:hover {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
  }
  .btn[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .btn.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  .btn.secondary:hover {
    background: var(--_surface-alt);
  }
  .status {
    padding: calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .status.error {
    border-left: 4px solid var(--_danger);
  }
  a {
    color: var(--_link);
  }
  @media print {
    .no-print {
      display: none !important;
    }
  }
`;

/** The dark theme as token overrides (applied by `<linli-provider theme="dark">`). */
export const darkTheme = css`
  --linli-color-primary: #ffb4ab;
  --linli-color-primary-hover: #ffdad6;
  --linli-color-on-primary: #561e19;
  --linli-color-text: #e6e6e6;
  --linli-color-text-muted: #b9bec6;
  --linli-color-surface: #1b1c1f;
  --linli-color-surface-alt: #2a2c31;
  --linli-color-border: #8e949c;
  --linli-color-divider: #3b3e44;
  --linli-color-focus: #9ecaff;
  --linli-color-success: #8fd8a0;
  --linli-color-warning: #ffcf7a;
  --linli-color-danger: #ffb4ab;
  --linli-color-link: #9ecaff;
`;
