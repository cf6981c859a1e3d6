import * as z from 'zod/mini';
import { entityBase, id, pageQuery, timestamp } from './common.js';
import { preprocess } from './preprocess.js';
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
  id: z.optional(z.string().check(z.maxLength(80))),
  name: z.optional(z.string().check(z.maxLength(80))),
});
export type Actor = z.infer<typeof actor>;

/** Exactly one way of saying where: a point, free address text, an address id, or grid/building/unit. */
export const grievanceLocation = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('point'),
    lat: z.number().check(z.gte(-90), z.lte(90)),
    long: z.number().check(z.gte(-180), z.lte(180)),
  }),
  z.strictObject({ kind: z.literal('address'), text: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)) }),
  z.strictObject({ kind: z.literal('address-id'), addressId: z.string().check(z.minLength(1), z.maxLength(80)) }),
  z
    .strictObject({
      kind: z.literal('place'),
      gridId: z.optional(z.string().check(z.maxLength(80))),
      buildingId: z.optional(z.string().check(z.maxLength(80))),
      unit: z.optional(z.string().check(z.maxLength(40))),
      text: z.optional(z.string().check(z.maxLength(200))),
    })
    .check(z.refine((p) => Boolean(p.gridId || p.buildingId), { message: 'linli:place-needs-grid' })),
]);
export type GrievanceLocation = z.infer<typeof grievanceLocation>;

export const mediaItem = z.object({
  url: z.string().check(z.url(), z.maxLength(2000)),
  contentType: z.string().check(z.maxLength(100)),
  name: z.optional(z.string().check(z.maxLength(200))),
});

/** Contact details are never shown on public endpoints; anonymity is the resident's choice. */
export const reporter = z.discriminatedUnion('anonymous', [
  z.object({ anonymous: z.literal(true) }),
  z.object({
    anonymous: z.literal(false),
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
    phone: z.optional(z.string().check(z.regex(/^\+?[0-9 -]{5,20}$/, 'linli:phone-format'))),
    email: z.optional(z.email().check(z.maxLength(200))),
  }),
]);
export type Reporter = z.infer<typeof reporter>;

export const timelineEntry = z.object({
  id,
  at: timestamp,
  actor,
  action: z.string().check(z.minLength(1), z.maxLength(40)),
  from: z.nullable(z.enum(grievanceStatuses)),
  to: z.enum(grievanceStatuses),
  note: z.string().check(z.maxLength(2000)),
  visibility: z.enum(['public', 'internal']),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

const attributes = z.record(z.string(), attributeValue);

export const grievance = z.object({
  ...entityBase,
  serviceCode: z.string().check(z.minLength(1)),
  orgUnitId: z.optional(id),
  description: z.string().check(z.maxLength(4000)),
  attributes: z._default(attributes, {}),
  location: grievanceLocation,
  media: z._default(z.array(mediaItem), []),
  channel: z.enum(channels),
  reporter,
  /** May staff call the resident back about this case? */
  contactConsent: z.boolean(),
  status: z.enum(grievanceStatuses),
  timeline: z.array(timelineEntry),
  assignee: z.optional(z.object({ id: z.string().check(z.maxLength(80)), name: z.string().check(z.maxLength(80)) })),
  expectedAt: z.optional(timestamp),
  trackingCode: z.string().check(z.minLength(4), z.maxLength(40)),
  duplicateOf: z.optional(id),
  referredTo: z.optional(z.string().check(z.maxLength(200))),
  resolution: z.optional(z.string().check(z.maxLength(2000))),
  resolvedAt: z.optional(timestamp),
  evaluationId: z.optional(id),
  rectificationId: z.optional(id),
  closedAt: z.optional(timestamp),
});
export type Grievance = z.infer<typeof grievance>;

export const grievanceInput = z.object({
  serviceCode: z.string().check(z.minLength(1), z.maxLength(64)),
  orgUnitId: z.optional(id),
  description: z.string().check(z.trim(), z.minLength(5), z.maxLength(4000)),
  attributes: z._default(attributes, {}),
  location: grievanceLocation,
  media: z._default(z.array(mediaItem).check(z.maxLength(10)), []),
  channel: z._default(z.enum(channels), 'web'),
  reporter: z._default(reporter, { anonymous: true }),
  contactConsent: z._default(z.boolean(), false),
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
  expectedAt: z.optional(timestamp),
});
export type GrievanceReceipt = z.infer<typeof grievanceReceipt>;

/** The public view: no contact details, no internal notes. What `track` and public lists return. */
export const publicGrievance = z.extend(z.omit(grievance, { reporter: true }), {
  reporter: z.object({ anonymous: z.boolean() }),
});
export type PublicGrievance = z.infer<typeof publicGrievance>;

export const grievanceQuery = z.object({
  status: z.optional(preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.enum(grievanceStatuses)))),
  serviceCode: z.optional(z.string()),
  orgUnitId: z.optional(id),
  from: z.optional(timestamp),
  to: z.optional(timestamp),
  ...pageQuery,
});
export type GrievanceQuery = z.input<typeof grievanceQuery>;
