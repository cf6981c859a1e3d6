import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';

/**
 * Notice bodies are rich text written in a CMS (or pasted from Word) and are UNTRUSTED. This is the only
 * place in Linli where text becomes HTML: a small allow-list, links only to http/https/mailto/tel and
 * always opening in a new tab without an opener. Nothing else (styles, scripts, frames, forms, event
 * attributes, javascript:/data: URLs) survives. Render the result with `unsafeHTML` and nothing else.
 */
const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'h3', 'h4', 'h5', 'h6', 'blockquote'];
const ALLOWED_ATTR = ['href', 'colspan', 'rowspan', 'scope'];
const SAFE_URL = /^(?:https?:|mailto:|tel:)/i;

let purifier: Purifier | undefined;

/** A private DOMPurify instance, so our link hook never changes how the host page's own DOMPurify behaves. */
function instance(): Purifier {
  if (!purifier) {
    purifier = DOMPurify(window);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName !== 'A') return;
      const href = (node as Element).getAttribute('href');
      if (href && SAFE_URL.test(href.trim())) {
        (node as Element).setAttribute('target', '_blank');
        (node as Element).setAttribute('rel', 'noopener noreferrer');
      } else {
        (node as Element).removeAttribute('href');
      }
    });
  }
  return purifier;
}

/** Sanitises a notice body to the safe rich-text subset; returns a plain string (no Trusted Types object). */
export function sanitizeNoticeHtml(dirty: string): string {
  if (typeof window === 'undefined') return '';
  return instance().sanitize(dirty, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_URL,
    // DOMPurify checks every attribute not marked URI-safe against ALLOWED_URI_REGEXP; these are never URLs.
    ADD_URI_SAFE_ATTR: ['colspan', 'rowspan', 'scope'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    FORBID_TAGS: ['style', 'script', 'iframe', 'form', 'svg', 'math'],
    FORBID_ATTR: ['style'],
    RETURN_TRUSTED_TYPE: false,
  });
}
