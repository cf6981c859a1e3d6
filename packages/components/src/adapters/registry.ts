import type { LinliAdapter } from '@linli/sdk';

/** What `<linli-provider adapter="…">` passes to a factory. */
export interface AdapterFactoryOptions {
  endpoint?: string;
  token?: string;
  apiKey?: string;
  element: HTMLElement;
}
export type AdapterFactory = (options: AdapterFactoryOptions) => LinliAdapter | Promise<LinliAdapter>;

/**
 * Factories live on a global keyed by a registered symbol, so `linli.js` and a separately loaded
 * `linli-demo.js` or `linli-open311.js` share one registry.
 */
const KEY = Symbol.for('linli.adapter-factories');
type Registry = Map<string, AdapterFactory>;
const registry = (): Registry => ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map()) as Registry;

export function registerAdapter(name: string, factory: AdapterFactory): void {
  registry().set(name, factory);
}

export function adapterFactory(name: string): AdapterFactory | undefined {
  return registry().get(name);
}
