import type { Service } from '@linli/sdk';
import { searchTerms } from '../generated/search-terms.js';
import { atLocal, daysBefore } from '../time.js';
import { assistanceServices } from './assistance.js';
import { certificateServices } from './certificates.js';
import { communityAffairsServices } from './community-affairs.js';
import { defineService, type ServiceSpec } from './define.js';
import { disabilityServices } from './disability.js';
import { elderlyServices } from './elderly.js';
import { employmentServices } from './employment.js';
import { environmentServices } from './environment.js';
import { familyServices } from './family.js';
import { healthServices } from './health.js';
import { housingServices } from './housing.js';
import { legalServices } from './legal.js';
import { veteranServices } from './veterans.js';
import { volunteerServices } from './volunteer.js';

export type { ServiceSpec } from './define.js';

/** The real catalogue, one module per service group. */
export const serviceSpecs: readonly ServiceSpec[] = [
  ...elderlyServices,
  ...assistanceServices,
  ...employmentServices,
  ...disabilityServices,
  ...familyServices,
  ...housingServices,
  ...certificateServices,
  ...legalServices,
  ...healthServices,
  ...volunteerServices,
  ...veteranServices,
  ...environmentServices,
  ...communityAffairsServices,
];

export function buildServices(now: string): Service[] {
  const createdAt = atLocal(daysBefore(now, 620), '10:30');
  return serviceSpecs.map((spec, i) =>
    // Guides are revised now and then; stagger updatedAt so "last updated" displays have something to show.
    defineService(spec, { createdAt, updatedAt: atLocal(daysBefore(now, 20 + ((i * 37) % 300)), '15:00') }, searchTerms[spec.code] ?? []),
  );
}
