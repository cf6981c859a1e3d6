import type { Capabilities, Capability, LinliAdapter, Outbox } from '../adapter/adapter.js';
import { defaultLocale, type Locale } from '../schemas/common.js';
import { createKit } from './kit.js';
import { evaluationsResource } from './resources/evaluations.js';
import { grievancesResource } from './resources/grievances.js';
import { noticesResource } from './resources/notices.js';
import { orgUnitsResource } from './resources/org-units.js';
import { rectificationsResource } from './resources/rectifications.js';
import { residentsResource } from './resources/residents.js';
import { servicesResource } from './resources/services.js';

export type { RequestOptions } from './kit.js';

export interface ClientOptions {
  adapter: LinliAdapter;
  /** Locale for validation messages (zh-CN by default). */
  locale?: Locale;
  /** Defaults applied to every call; per-call options win. */
  timeout?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

/** Creates the typed client. Components and apps only ever talk to this, never to an adapter. */
export function createClient(options: ClientOptions) {
  const { adapter } = options;
  let locale = options.locale ?? defaultLocale;
  const k = createKit({ adapter, locale: () => locale, timeout: options.timeout, maxRetries: options.maxRetries, headers: options.headers });

  return {
    adapter,
    get capabilities(): Capabilities {
      return adapter.capabilities;
    },
    supports: (capability: Capability) => adapter.capabilities[capability] === true,
    /** The backend's clock when it has a readable one, else this machine's. */
    now: (): Date => adapter.now?.() ?? new Date(),
    /** The adapter's offline outbox, where it has one. */
    get outbox(): Outbox | undefined {
      return adapter.outbox;
    },
    get locale() {
      return locale;
    },
    setLocale(next: Locale) {
      locale = next;
    },

    services: servicesResource(k),
    grievances: grievancesResource(k),
    evaluations: evaluationsResource(k),
    rectifications: rectificationsResource(k),
    notices: noticesResource(k),
    orgUnits: orgUnitsResource(k),
    residents: residentsResource(k),
  };
}

export type LinliClient = ReturnType<typeof createClient>;
