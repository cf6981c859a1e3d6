import { rectification, rectificationCommand, rectificationQuery, type RectificationCommand, type RectificationQuery } from '../../schemas/rectification.js';
import type { ClientKit, RequestOptions } from '../kit.js';

/** 整改 and 回访 after bad ratings (staff). */
export const rectificationsResource = (k: ClientKit) => ({
  list: async (query: RectificationQuery = {}, o?: RequestOptions) =>
    k.pager(rectification, 'rectification', (q, c) => k.need('staff', 'listRectifications')(q, c))(k.input(rectificationQuery, query, 'rectification query'), o),
  get: async (rectificationId: string, o?: RequestOptions) =>
    k.output(rectification, await k.need('staff', 'getRectification')(k.code(rectificationId, 'rectification id'), k.ctx(o)), 'rectification'),
  /** 整改 (`rectify`) then 回访 (`revisit`). */
  act: async (rectificationId: string, command: RectificationCommand, o?: RequestOptions) =>
    k.output(
      rectification,
      await k.need('staff', 'actOnRectification')(k.code(rectificationId, 'rectification id'), k.input(rectificationCommand, command, 'rectification action'), k.ctx(o)),
      'rectification',
    ),
});
