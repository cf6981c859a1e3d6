import { ValidationError } from '../errors/errors.js';
import { deadline } from '../policy/policy.js';
import type { Locale } from '../schemas/common.js';
import type { Grievance, GrievanceInputParsed } from '../schemas/grievance.js';
import { validateAttributes } from '../schemas/service-attributes.js';
import type { Service } from '../schemas/service.js';
import type { LoopContext } from './evaluation-loop.js';
import { submissionEntry } from './grievance-workflow.js';

const notRequestable = {
  'zh-CN': '该服务不受理线上诉求，请拨打服务电话',
  'zh-TW': '該服務不受理線上訴求，請撥打服務電話',
  en: 'This service does not take requests online; please call its phone number',
} satisfies Record<Locale, string>;

/** Checks a validated submission against its service: requestable, dynamic attributes valid. */
export function checkAgainstService(input: GrievanceInputParsed, service: Service, locale: Locale = 'zh-CN'): void {
  const issues = service.requestable ? validateAttributes(service, input.attributes, locale) : [{ path: 'serviceCode', message: notRequestable[locale], code: 'not_requestable' }];
  if (issues.length) throw new ValidationError(`Invalid grievance. ${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

/** Builds a new grievance in `submitted`, its expected date counted in working days from the policy / the service SLA. */
export function newGrievance(input: GrievanceInputParsed, service: Service, ctx: LoopContext & { id: string; trackingCode: string }): Grievance {
  return {
    id: ctx.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    serviceCode: input.serviceCode,
    orgUnitId: input.orgUnitId ?? service.orgUnitId,
    description: input.description,
    attributes: input.attributes,
    location: input.location,
    media: input.media,
    channel: input.channel,
    reporter: input.reporter,
    contactConsent: input.contactConsent,
    status: 'submitted',
    timeline: [submissionEntry({ ...ctx, actor: { role: 'resident' } })],
    expectedAt: deadline(ctx.policy, 'resolve', ctx.now, service.sla?.resolveWorkingDays),
    trackingCode: ctx.trackingCode,
  };
}
