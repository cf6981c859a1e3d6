export { open311Adapter, open311Capabilities, type Open311AdapterOptions } from './adapter.js';
export { discoverOpen311, type DiscoverOptions, type Open311Discovery, type Open311DiscoveredEndpoint } from './discovery.js';
export { toLinliCode, fromLinliCode } from './mapping/codes.js';
export { trackingCodeFor, refFromTrackingCode, type RequestRef } from './mapping/tracking.js';
export type { Format as Open311Format } from './wire/parse.js';
