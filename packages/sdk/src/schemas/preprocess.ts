import * as z from 'zod/mini';

/**
 * zod/mini has no `z.preprocess`. Classic zod's is this very pipe — a transform feeding the schema —
 * so parsing, the inferred types (input `unknown`, output the schema's) and the JSON Schema stay the same.
 * Internal: not re-exported from the package index.
 */
export const preprocess = <U extends z.core.$ZodType>(fn: (value: unknown) => unknown, schema: U) => z.pipe(z.transform(fn), schema);
