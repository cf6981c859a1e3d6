import type { Evaluation, Grievance, Household, Notice, OrgUnit, Policy, Rectification, Resident, Service } from '@linli/sdk';
import type { StaffMember } from './staff.js';

export type { StaffMember } from './staff.js';

export interface DemoDataset {
  orgUnits: OrgUnit[];
  services: Service[];
  notices: Notice[];
  grievances: Grievance[];
  evaluations: Evaluation[];
  rectifications: Rectification[];
  residents: Resident[];
  households: Household[];
  /** Grievance id → the plain 查询码 its reporter received; adapters store only its hash. */
  accessCodes: Record<string, string>;
  policy: Policy;
  staff: StaffMember[];
  /** The instant the dataset describes (UTC ISO); every timestamp in it is earlier. */
  now: string;
}

export interface DemoDataOptions {
  /** Anchor time; defaults to 2026-11-20 09:00 Beijing time. */
  now?: string;
}
