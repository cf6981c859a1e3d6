import { html, nothing, type TemplateResult } from 'lit';

/** A polite loading line that screen readers announce once. */
export function loadingState(text: string): TemplateResult {
  return html`<div class="status" part="loading" role="status" aria-live="polite">${text}</div>`;
}

/** An error that says what happened and offers the next step. */
export function errorState(title: string, message: string, retryLabel?: string, onRetry?: () => void): TemplateResult {
  return html`<div class="status error" part="error" role="alert">
    <strong>${title}</strong>
    <p>${message}</p>
    ${onRetry && retryLabel ? html`<button class="btn secondary" type="button" @click=${onRetry}>${retryLabel}</button>` : nothing}
  </div>`;
}

export function emptyState(text: string, hint?: string): TemplateResult {
  return html`<div class="status" part="empty" role="status">
    <p>${text}</p>
    ${hint ? html`<p>${hint}</p>` : nothing}
  </div>`;
}
