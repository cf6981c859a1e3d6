import * as z from 'zod';
import { entityBase, id, pageQuery, timestamp } from './common.js';
import { attributeValue } from './service.js';

/** 民情流水线 states; see workflow/grievance-workflow.ts for the transitions between them. */
export const grievanceStatuses = [
  'submitted',
  'accepted', // 受理: the community formally takes the case on
  'assigned', // 派单: dispatched to a handler
  'in_progress',
  'awaiting_reporter',
  'resolved', // 办结: handled, waiting for the resident's rating
  'rectifying', // 整改 after a bad rating
  'revisiting', // 回访: staff call the resident back
  'reopen_requested',
  'closed',
  'rejected', // 不予受理
  'duplicate',
  'referred', // handed to another body
  'cancelled',
] as const;
export type GrievanceStatus = (typeof grievanceStatuses)[number];

export const channels = ['web', 'app', 'mini-program', 'window', 'hotline-12345', 'qr', 'grid-worker', 'paper', 'open311'] as const;
export type Channel = (typeof channels)[number];

export const actorRoles = ['resident', 'staff', 'admin', 'system'] as const;
export type ActorRole = (typeof actorRoles)[number];
export const actor = z.object({
  role: z.enum(actorRoles),
  id: z.string().max(80).optional(),
  name: z.string().max(80).optional(),
});
export type Actor = z.infer<typeof actor>;

/** Exactly one way of saying where: a point, free address text, an address id, or grid/building/unit. */
export const grievanceLocation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('point'), lat: z.number().min(-90).max(90), long: z.number().min(-180).max(180) }),
  z.strictObject({ kind: z.literal('address'), text: z.string().trim().min(2).max(200) }),
  z.strictObject({ kind: z.literal('address-id'), addressId: z.string().min(1).max(80) }),
  z
    .strictObject({
      kind: z.literal('place'),
      gridId: z.string().max(80).optional(),
      buildingId: z.string().max(80).optional(),
      unit: z.string().max(40).optional(),
      text: z.string().max(200).optional(),
    })
    .refine((p) => Boolean(p.gridId || p.buildingId), { message: 'linli:place-needs-grid' }),
]);
export type GrievanceLocation = z.infer<typeof grievanceLocation>;

export const mediaItem = z.object({
  url: z.string().url().max(2000),
  contentType: z.string().max(100),
  name: z.string().max(200).optional(),
});

/** Contact details are never shown on public endpoints; anonymity is the resident's choice. */
export const reporter = z.discriminatedUnion('anonymous', [
  z.object({ anonymous: z.literal(true) }),
  z.object({
    anonymous: z.literal(false),
    name: z.string().trim().min(1).max(40),
    phone: z
      .string()
      .regex(/^\+?[0-9 -]{5,20}$/, 'linli:phone-format')
      .optional(),
    email: z.email().max(200).optional(),
  }),
]);
export type Reporter = z.infer<typeof reporter>;

export const timelineEntry = z.object({
  id,
  at: timestamp,
  actor,
  action: z.string().min(1).max(40),
  from: z.enum(grievanceStatuses).nullable(),
  to: z.enum(grievanceStatuses),
  note: z.string().max(2000),
  visibility: z.enum(['public', 'internal']),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

const attributes = z.record(z.string(), attributeValue);

export const grievance = z.object({
  ...entityBase,
  serviceCode: z.string().min(1),
  orgUnitId: id.optional(),
  description: z.string().max(4000),
  attributes: attributes.default({}),
  location: grievanceLocation,
  media: z.array(mediaItem).default([]),
  channel: z.enum(channels),
  reporter,
  /** May staff call the resident back about this case? */
  contactConsent: z.boolean(),
  status: z.enum(grievanceStatuses),
  timeline: z.array(timelineEntry),
  assignee: z.object({ id: z.string().max(80), name: z.string().max(80) }).optional(),
  expectedAt: timestamp.optional(),
  trackingCode: z.string().min(4).max(40),
  duplicateOf: id.optional(),
  referredTo: z.string().max(200).optional(),
  resolution: z.string().max(2000).optional(),
  resolvedAt: timestamp.optional(),
  evaluationId: id.optional(),
  rectificationId: id.optional(),
  closedAt: timestamp.optional(),
});
export type Grievance = z.infer<typeof grievance>;

export const grievanceInput = z.object({
  serviceCode: z.string().min(1).max(64),
  orgUnitId: id.optional(),
  description: z.string().trim().min(5).max(4000),
  attributes: attributes.default({}),
  location: grievanceLocation,
  media: z.array(mediaItem).max(10).default([]),
  channel: z.enum(channels).default('web'),
  reporter: reporter.default({ anonymous: true }),
  contactConsent: z.boolean().default(false),
});
export type GrievanceInput = z.input<typeof grievanceInput>;
export type GrievanceInputParsed = z.output<typeof grievanceInput>;

/** What a resident receives once the submission is committed. Keep the access code: it is shown once. */
export const grievanceReceipt = z.object({
  id,
  trackingCode: z.string(),
  accessCode: z.string(),
  status: z.enum(grievanceStatuses),
  submittedAt: timestamp,
  expectedAt: timestamp.optional(),
});
export type GrievanceReceipt = z.infer<typeof grievanceReceipt>;

/** The public view: no contact details, no internal notes. What `track` and public lists return. */
export const publicGrievance = grievance.omit({ reporter: true }).extend({
  reporter: z.object({ anonymous: z.boolean() }),
});
export type PublicGrievance = z.infer<typeof publicGrievance>;

export const grievanceQuery = z.object({
  status: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.enum(grievanceStatuses))).optional(),
  serviceCode: z.string().optional(),
  orgUnitId: id.optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
  ...pageQuery,
});
export type GrievanceQuery = z.input<typeof grievanceQuery>;
