import * as z from 'zod/mini';
import { entityBase, id, localizedText, pageQuery, timestamp } from './common.js';

/** 党务 / 居务 / 政务 / 财务 / 政策 / 活动 / 紧急 / 服务 */
export const noticeCategories = [
  'party-affairs',
  'resident-affairs',
  'government-affairs',
  'finance',
  'policy',
  'event',
  'emergency',
  'service',
] as const;
export type NoticeCategory = (typeof noticeCategories)[number];

export const notice = z.object({
  ...entityBase,
  orgUnitId: id,
  category: z.enum(noticeCategories),
  title: localizedText,
  /** Rich text (HTML). Untrusted: components sanitise it before rendering. */
  body: localizedText,
  attachments: z._default(
    z.array(
      z.object({
        name: z.string().check(z.minLength(1), z.maxLength(200)),
        url: z.string().check(z.maxLength(2000)),
        size: z.optional(z.number().check(z.int(), z.gte(0))),
        contentType: z.optional(z.string().check(z.maxLength(100))),
      }),
    ),
    [],
  ),
  publishAt: timestamp,
  expiresAt: z.optional(timestamp),
  pinned: z._default(z.boolean(), false),
  /** 公示: a public-notice window during which residents may object. */
  publicity: z.optional(
    z.object({
      from: timestamp,
      to: timestamp,
      objectionsTo: z.object({
        phone: z.optional(z.string().check(z.maxLength(40))),
        email: z.optional(z.string().check(z.maxLength(200))),
        address: z.optional(localizedText),
        url: z.optional(z.string().check(z.maxLength(2000))),
      }),
    }),
  ),
});
export type Notice = z.infer<typeof notice>;

export const noticeQuery = z.object({
  category: z.optional(z.enum(noticeCategories)),
  orgUnitId: z.optional(id),
  /** Only notices published and not yet expired at this instant (default: now). Set `all=true` for staff views. */
  activeAt: z.optional(timestamp),
  ...pageQuery,
});
export type NoticeQuery = z.input<typeof noticeQuery>;
