export { open311Routes, GEOREPORT_V2_SPEC, type Open311RoutesOptions, type Open311DiscoveryOptions, type Open311DiscoveryEndpoint } from './routes.js';
export type { Open311Service, Open311ServiceDefinition, Open311Attribute, Open311ShowIf, Open311Request, Open311Note } from './to-open311.js';
export type { Open311Error, Format as Open311Format } from './wire.js';
