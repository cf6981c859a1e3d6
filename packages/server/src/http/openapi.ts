import { errorCodes, toJsonSchema, wireSchemas, type WireSchemaName } from '@linli/sdk';
import * as z from 'zod';
import { sqlCapabilities } from '../backend/sql-backend.js';
import { residentActionRequest, trackRequest, type RouteDef, type SchemaRef } from './routes/index.js';

type JsonSchema = Record<string, unknown>;

/** Request bodies are described as the input side of their schema (defaults make fields optional). */
const inputSchemas = new Set<WireSchemaName>(['GrievanceInput', 'EvaluationInput', 'TransitionCommand', 'RectificationCommand']);

const withoutDialect = ({ $schema: _dialect, ...rest }: JsonSchema): JsonSchema => rest;
const fromZod = (schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema =>
  withoutDialect(z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema);

const refName = (ref: SchemaRef) => ('wire' in ref ? ref.wire : 'page' in ref ? `${ref.page}Page` : ref.server);
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const toOpenApiPath = (path: string) => `/api/v1${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;

function componentSchemas(): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  for (const name of Object.keys(wireSchemas) as WireSchemaName[]) {
    schemas[name] = withoutDialect(toJsonSchema(name, inputSchemas.has(name) ? 'input' : 'output'));
    if (!inputSchemas.has(name)) {
      schemas[`${name}Page`] = {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: ref(name) },
          nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page.' },
          total: { type: 'integer', minimum: 0, description: 'Rows matching the filters, over all pages.' },
        },
      };
    }
  }
  schemas.TrackRequest = fromZod(trackRequest, 'input');
  schemas.ResidentActionRequest = fromZod(residentActionRequest, 'input');
  schemas.Capabilities = {
    type: 'object',
    required: Object.keys(sqlCapabilities),
    properties: Object.fromEntries(Object.keys(sqlCapabilities).map((k) => [k, { type: 'boolean' }])),
  };
  schemas.Health = { type: 'object', required: ['ok', 'db'], properties: { ok: { const: true }, db: { enum: ['pglite', 'postgres'] } } };
  schemas.OpenApiDocument = { type: 'object', description: 'An OpenAPI 3.1 document.' };
  schemas.Error = {
    type: 'object',
    required: ['code', 'message'],
    properties: {
      code: { enum: [...errorCodes] },
      message: { type: 'string' },
      requestId: { type: 'string' },
      issues: {
        type: 'array',
        description: 'Field-level problems (validation), in the Accept-Language locale.',
        items: { type: 'object', required: ['path', 'message', 'code'], properties: { path: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } } },
      },
      from: { type: 'string', description: 'illegal_transition: the current status' },
      action: { type: 'string', description: 'illegal_transition: the refused action' },
      retryAfterSeconds: { type: 'integer', description: 'rate_limited' },
      capability: { type: 'string', description: 'unsupported' },
    },
  };
  return schemas;
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

function queryParameters(route: RouteDef) {
  if (!route.query) return [];
  const schema = fromZod(route.query, 'input') as { properties?: Record<string, JsonSchema> };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    schema: s,
    // Lists travel comma-separated: `status=submitted,accepted`.
    ...(s.type === 'array' ? { style: 'form', explode: false } : {}),
  }));
}

function operation(route: RouteDef) {
  const pathParams = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 80 } }));
  const responses: Record<string, unknown> = {
    [route.response.status]: {
      description: route.response.status === 201 ? 'Created (committed before this response was sent)' : 'OK',
      content: { 'application/json': { schema: ref(refName(route.response.schema)) } },
    },
    '400': errorResponse('Invalid input (`validation`, with field `issues`)'),
    '401': errorResponse('Missing or invalid bearer token'),
    '500': errorResponse('Unexpected error (`server`, with `requestId`)'),
    '503': errorResponse('Temporarily unavailable; see Retry-After'),
  };
  if (pathParams.length || route.method === 'post') responses['404'] = errorResponse('Not found (also for a wrong access code: nothing is revealed)');
  if (route.method === 'post') {
    responses['409'] = errorResponse('Conflict: illegal transition, already rated, or Idempotency-Key reused with a different body');
    responses['413'] = errorResponse('Body larger than the limit');
  }
  if (route.access === 'staff') responses['403'] = errorResponse('Not allowed for this role');
  if (route.limited) responses['429'] = { ...errorResponse('Too many submissions from this address'), headers: { 'Retry-After': { schema: { type: 'integer' } } } };
  responses['501'] = errorResponse('This backend does not support it (`unsupported`)');
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: route.access === 'staff' ? [{ bearerAuth: [] }] : [{}, { bearerAuth: [] }],
    parameters: [
      ...pathParams,
      ...queryParameters(route),
      { $ref: '#/components/parameters/AcceptLanguage' },
      ...(route.method === 'post' ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
    ],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(refName(route.body)) } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the REST protocol, generated from the route table and the SDK's zod schemas. */
export function openApiDocument(routes: readonly RouteDef[], info: { version: string; serverUrl?: string } = { version: '1.0.0' }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[toOpenApiPath(route.path)] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Linli REST API',
      version: info.version,
      description: 'The wire form of the Linli adapter contract (docs/protocol.md). Bodies are JSON; errors share one shape.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: info.serverUrl ?? '/' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'Staff and admin tokens (`node dist/cli.js create-token`).' } },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'Same key + same body → the stored response (with `Idempotency-Replayed: true`), never a second write; same key + different body → 409. Scoped per endpoint.',
          schema: { type: 'string', minLength: 1, maxLength: 200 },
        },
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: 'Locale of validation messages: zh-CN (default), zh-TW, en.',
          schema: { type: 'string' },
        },
      },
    },
  };
}
