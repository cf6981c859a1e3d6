import * as z from 'zod/mini';
import { evaluation, evaluationInput, evaluationSummary } from './schemas/evaluation.js';
import { grievance, grievanceInput, grievanceReceipt, publicGrievance } from './schemas/grievance.js';
import { notice } from './schemas/notice.js';
import { orgUnit } from './schemas/org-unit.js';
import { rectification, rectificationCommand } from './schemas/rectification.js';
import { household, resident } from './schemas/resident.js';
import { service } from './schemas/service.js';
import { transitionCommand } from './workflow/grievance-workflow.js';
import { policySchema } from './policy/policy.js';

/** Every wire type, by name: the one source for JSON Schema, the OpenAPI document and the docs. */
export const wireSchemas = {
  OrgUnit: orgUnit,
  Service: service,
  Grievance: grievance,
  GrievanceInput: grievanceInput,
  GrievanceReceipt: grievanceReceipt,
  PublicGrievance: publicGrievance,
  TransitionCommand: transitionCommand,
  Evaluation: evaluation,
  EvaluationInput: evaluationInput,
  EvaluationSummary: evaluationSummary,
  Rectification: rectification,
  RectificationCommand: rectificationCommand,
  Notice: notice,
  Resident: resident,
  Household: household,
  Policy: policySchema,
} as const;
export type WireSchemaName = keyof typeof wireSchemas;

/** JSON Schema (draft 2020-12) generated from the zod schemas. `io: 'input'` describes request bodies. */
export function toJsonSchema(name: WireSchemaName, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  return z.toJSONSchema(wireSchemas[name], { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
}

export function allJsonSchemas(io: 'input' | 'output' = 'output'): Record<WireSchemaName, Record<string, unknown>> {
  return Object.fromEntries(Object.keys(wireSchemas).map((n) => [n, toJsonSchema(n as WireSchemaName, io)])) as Record<WireSchemaName, Record<string, unknown>>;
}
