import { consume } from '@lit/context';
import { LinliError, type LinliClient, type Locale } from '@linli/sdk';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { linliContext, type LinliContextValue } from '../context/linli-context.js';
import { commonMessages } from '../i18n/common.messages.js';
import { localeOf, observeLang } from '../i18n/locale-observer.js';
import { translate } from '../i18n/translate.js';

/** Typed map of every `linli-*` event; components augment it next to where they emit. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LinliEventMap {}

/**
 * Base for every Linli element: the client from `<linli-provider>` (or a `.client` property), the
 * locale from the nearest `lang` (live), a typed `emit()`, and error → message mapping.
 */
export class LinliElement extends LitElement {
  /** Use this client instead of the one from the nearest `<linli-provider>`. */
  @property({ attribute: false }) client?: LinliClient;

  @consume({ context: linliContext, subscribe: true })
  @state()
  protected linli?: LinliContextValue;

  @state() protected locale: Locale = 'zh-CN';

  private stopObserving?: () => void;

  override connectedCallback() {
    super.connectedCallback();
    this.syncLocale();
    this.stopObserving = observeLang(() => this.syncLocale());
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopObserving?.();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('linli')) this.syncLocale();
    super.willUpdate(changed);
  }

  private syncLocale() {
    const next = this.linli?.locale ?? localeOf(this);
    if (next !== this.locale) this.locale = next;
  }

  /** The client to use: an explicit `.client`, else the provider's. */
  protected get api(): LinliClient | undefined {
    return this.client ?? this.linli?.client;
  }

  /** "Now" for working-day counts and 公示 windows: the backend's clock when it has one (demos, tests). */
  protected clock(): Date {
    return this.api?.now() ?? new Date();
  }

  /** Dispatches a bubbling, composed, typed event. Returns false when a listener called preventDefault(). */
  protected emit<K extends keyof LinliEventMap>(name: K, detail: LinliEventMap[K], options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }

  /** A shared string (loading, retry, errors …) in the current locale. */
  protected common(key: keyof (typeof commonMessages)['zh-CN']): string {
    return translate(commonMessages, this.locale, key);
  }

  /** Turns any failure into a polite sentence that tells the resident what to do next. */
  protected describeError(err: unknown): string {
    if (!LinliError.is(err)) return this.common('errorServer');
    switch (err.code) {
      case 'network':
      case 'timeout':
        return this.common('errorNetwork');
      case 'not_found':
        return this.common('errorNotFound');
      case 'unsupported':
        return this.common('errorUnsupported');
      case 'validation':
        return err.message;
      default:
        return this.common('errorServer');
    }
  }
}

/** Registers a tag once; a second copy of the library on the page is ignored instead of throwing. */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, ctor);
}
