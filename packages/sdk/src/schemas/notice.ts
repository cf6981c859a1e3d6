import * as z from 'zod';
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
  attachments: z
    .array(z.object({ name: z.string().min(1).max(200), url: z.string().max(2000), size: z.number().int().min(0).optional(), contentType: z.string().max(100).optional() }))
    .default([]),
  publishAt: timestamp,
  expiresAt: timestamp.optional(),
  pinned: z.boolean().default(false),
  /** 公示: a public-notice window during which residents may object. */
  publicity: z
    .object({
      from: timestamp,
      to: timestamp,
      objectionsTo: z.object({
        phone: z.string().max(40).optional(),
        email: z.string().max(200).optional(),
        address: localizedText.optional(),
        url: z.string().max(2000).optional(),
      }),
    })
    .optional(),
});
export type Notice = z.infer<typeof notice>;

export const noticeQuery = z.object({
  category: z.enum(noticeCategories).optional(),
  orgUnitId: id.optional(),
  /** Only notices published and not yet expired at this instant (default: now). Set `all=true` for staff views. */
  activeAt: timestamp.optional(),
  ...pageQuery,
});
export type NoticeQuery = z.input<typeof noticeQuery>;
