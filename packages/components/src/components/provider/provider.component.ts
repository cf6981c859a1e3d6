import { provide } from '@lit/context';
import { createClient, resolveLocale, type LinliClient } from '@linli/sdk';
import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { adapterFactory } from '../../adapters/registry.js';
import { linliContext, type LinliContextValue } from '../../context/linli-context.js';
import { darkTheme } from '../../styles/tokens.js';

/** Where `linli.js` finds lazily loaded adapter bundles (set by the CDN entry). */
const lazyBundles: Record<string, string> = { memory: 'linli-demo.js', open311: 'linli-open311.js' };
const LAZY_BASE = Symbol.for('linli.lazy-base');

/**
 * @summary Gives every Linli component inside it a client (and optionally a locale and a theme).
 *
 * @slot - The Linli components (and any other page content).
 * @cssproperty --linli-font-scale - Text and target scale; `large-text` sets 1.25.
 * @event linli-provider-error - The adapter could not be created (e.g. a missing endpoint).
 */
export class LinliProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([theme='dark']) {
      ${unsafeCSS(darkTheme.cssText)}
      color-scheme: dark;
    }
    :host([large-text]) {
      --linli-font-scale: 1.25;
    }
  `;

  /** A ready client; wins over `adapter` + `endpoint`. */
  @property({ attribute: false }) client?: LinliClient;
  /** Which backend to build: `http` (REST), `open311` or `memory` (demo data in the browser). */
  @property({ reflect: true }) adapter: 'http' | 'open311' | 'memory' | string = 'http';
  /** Base URL of the backend, e.g. `/api/v1` or `https://city.example/open311/v2`. */
  @property() endpoint?: string;
  /** A staff bearer token (staff pages only — never on a public page). */
  @property({ attribute: false }) token?: string;
  /** Open311 API key for submissions. */
  @property({ attribute: 'api-key' }) apiKey?: string;
  /** Force a locale for everything inside; by default each component follows the nearest `lang`. */
  @property({ attribute: 'locale' }) locale?: string;
  /** `light` (default) or `dark`. */
  @property({ reflect: true }) theme: 'light' | 'dark' = 'light';
  /** Elder-friendly mode (适老化): larger text and targets. */
  @property({ type: Boolean, reflect: true, attribute: 'large-text' }) largeText = false;

  @provide({ context: linliContext })
  @state()
  protected value: LinliContextValue = {};

  private built?: LinliClient;
  private buildId = 0;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('client') || changed.has('adapter') || changed.has('endpoint') || changed.has('token') || changed.has('apiKey')) {
      void this.buildClient();
    }
    if (changed.has('locale')) {
      this.value = { ...this.value, locale: this.locale ? resolveLocale(this.locale) : undefined };
    }
  }

  private async buildClient() {
    const id = ++this.buildId;
    if (this.client) {
      this.built = undefined;
      this.value = { ...this.value, client: this.client };
      return;
    }
    try {
      let factory = adapterFactory(this.adapter);
      const lazy = lazyBundles[this.adapter];
      const base = (globalThis as Record<symbol, unknown>)[LAZY_BASE] as string | undefined;
      if (!factory && lazy && base) {
        await import(/* @vite-ignore */ new URL(lazy, base).href);
        factory = adapterFactory(this.adapter);
      }
      if (!factory) throw new Error(`No "${this.adapter}" adapter is loaded on this page.`);
      const adapter = await factory({ endpoint: this.endpoint, token: this.token, apiKey: this.apiKey, element: this });
      if (id !== this.buildId) return;
      this.built = createClient({ adapter, locale: resolveLocale(this.locale ?? document.documentElement.lang) });
      this.value = { ...this.value, client: this.built };
    } catch (error) {
      if (id !== this.buildId) return;
      console.error('[linli]', error);
      this.dispatchEvent(new CustomEvent('linli-provider-error', { detail: { error }, bubbles: true, composed: true }));
    }
  }

  /** The client in use (built or given). */
  get currentClient(): LinliClient | undefined {
    return this.value.client;
  }

  override render() {
    return html`<slot></slot>`;
  }
}
