import { noCapabilities, ServerError, allCapabilities, type Capabilities, type Capability } from '@linli/sdk';

/** Everything the Linli REST protocol offers: what `@linli/server` serves. */
export const linliCapabilities: Capabilities = allCapabilities;

/** Reads a `GET /capabilities` body: known keys only, anything missing or not a boolean counts as unsupported. */
export function capabilitiesFrom(body: unknown): Capabilities {
  if (typeof body !== 'object' || body === null) throw new ServerError('The server sent malformed capabilities.');
  const raw = body as Record<string, unknown>;
  const out = { ...noCapabilities };
  for (const key of Object.keys(noCapabilities) as Capability[]) out[key] = raw[key] === true;
  return out;
}
