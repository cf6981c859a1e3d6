import { isOpen, type GrievanceStatus, type TimelineEntry } from '@linli/sdk';

/** The five steps a resident recognises; the fifteen workflow states fold into them. */
export const trackerSteps = ['submitted', 'accepted', 'handling', 'resolved', 'evaluated'] as const;
export type TrackerStep = (typeof trackerSteps)[number];

const stepOfStatus: Partial<Record<GrievanceStatus, TrackerStep>> = {
  submitted: 'submitted',
  accepted: 'accepted',
  assigned: 'handling',
  in_progress: 'handling',
  awaiting_reporter: 'handling',
  reopen_requested: 'handling',
  resolved: 'resolved',
  rectifying: 'evaluated',
  revisiting: 'evaluated',
  closed: 'evaluated',
};

/** The current step, or undefined for cases that left the normal path (rejected, duplicate, referred, cancelled). */
export const currentStep = (status: GrievanceStatus): TrackerStep | undefined => stepOfStatus[status];

/** A closed case has finished every step, the last one included. */
export const allStepsDone = (status: GrievanceStatus) => status === 'closed';

/** Is the expected date still a promise worth counting down to? */
export const countsDown = (status: GrievanceStatus) => isOpen(status) && !['rectifying', 'revisiting', 'reopen_requested'].includes(status);

/** What staff asked when they requested more information (the newest such entry). */
export function lastQuestion(timeline: TimelineEntry[]): TimelineEntry | undefined {
  return [...timeline].reverse().find((e) => e.to === 'awaiting_reporter');
}

/** Newest first, like a parcel tracker: the latest news is what the resident came for. */
export const newestFirst = (timeline: TimelineEntry[]) => [...timeline].reverse().sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

/** Codes are read off paper or the phone: ignore case and spaces. */
/** Drops spaces only: Linli backends ignore case themselves, and other backends' codes (Open311 ids) are case-sensitive. */
export const cleanCode = (code: string) => code.replace(/\s+/g, '');
