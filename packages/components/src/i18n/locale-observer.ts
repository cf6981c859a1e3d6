import { resolveLocale, type Locale } from '@linli/sdk';

/** The nearest `lang` attribute, crossing shadow-root boundaries. */
export function nearestLang(el: Element): string | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

export function localeOf(el: Element): Locale {
  return resolveLocale(nearestLang(el));
}

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/**
 * One document-wide observer for every component: any `lang` change anywhere re-checks subscribers,
 * so switching `<html lang="en">` re-renders all components live.
 */
export function observeLang(listener: Listener): () => void {
  listeners.add(listener);
  if (!observer && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
