import { maskPhone, toPublicGrievance, type Evaluation, type Grievance, type PublicGrievance } from '@linli/sdk';

/** Mainland mobile numbers (and 7–8 digit landlines with area code) typed into free text. */
const PHONE_IN_TEXT = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d[- ]?\d{4}[- ]?\d{4}|0\d{2,3}-?\d{7,8})(?!\d)/g;

/** Masks phone numbers written into free text (a note such as "已电话联系13912345678"). */
export function maskPhonesInText(text: string): string;
export function maskPhonesInText(text: string | undefined): string | undefined;
export function maskPhonesInText(text: string | undefined): string | undefined {
  return text?.replace(PHONE_IN_TEXT, (match) => maskPhone(match) ?? match);
}

/** The resident's view (SDK projection) with phone numbers in its free text masked as well. */
export function publicGrievanceView(g: Grievance): PublicGrievance {
  const p = toPublicGrievance(g);
  return {
    ...p,
    description: maskPhonesInText(p.description),
    resolution: maskPhonesInText(p.resolution),
    timeline: p.timeline.map((e) => ({ ...e, note: maskPhonesInText(e.note) })),
  };
}

/** Ratings as the public sees them: no rater, and no phone numbers in the comment. */
export function publicEvaluationView(e: Evaluation): Evaluation {
  const { rater: _rater, ...rest } = e;
  return { ...rest, comment: maskPhonesInText(e.comment) };
}
