import type { Actor, OrgUnit, ServiceGroup } from '@linli/sdk';
import { staff, type StaffMember } from '../staff.js';

/** Who does what for a community: the head accepts, the grid worker (or a specialist) handles. */
export class Crew {
  constructor(
    private readonly communities: OrgUnit[],
    private readonly grids: OrgUnit[],
  ) {}

  private streetOf(communityId: string): string {
    return this.communities.find((c) => c.id === communityId)!.parentId!;
  }

  private gridWorkers(communityId: string): StaffMember[] {
    const gridIds = new Set(this.grids.filter((g) => g.parentId === communityId).map((g) => g.id));
    return staff.filter((s) => gridIds.has(s.orgUnitId));
  }

  private head(communityId: string): StaffMember | undefined {
    return staff.find((s) => s.orgUnitId === communityId);
  }

  private streetStaff(communityId: string): StaffMember {
    const streetId = this.streetOf(communityId);
    return staff.find((s) => s.orgUnitId === streetId)!;
  }

  admin(): StaffMember {
    return staff.find((s) => s.role === 'admin')!;
  }

  /** 受理: the community head where there is one, otherwise the street's duty specialist. */
  acceptor(communityId: string): StaffMember {
    return this.head(communityId) ?? this.streetStaff(communityId);
  }

  /** 派单 target: specialists for benefits and disputes, the grid worker for everything on the ground. */
  handler(communityId: string, group: ServiceGroup): StaffMember {
    const street = this.streetStaff(communityId);
    const specialistGroups: ServiceGroup[] = street.id === 'st-09' ? ['legal'] : ['assistance', 'elderly'];
    if (specialistGroups.includes(group)) return street;
    return this.gridWorkers(communityId)[0] ?? this.acceptor(communityId);
  }

  /** Who walks the estates: the grid worker, or the community head where no grid worker is on file. */
  patroller(communityId: string): StaffMember {
    return this.gridWorkers(communityId)[0] ?? this.acceptor(communityId);
  }

  /** Someone else to hand a case over to, for the occasional re-assignment. */
  colleague(communityId: string, not: StaffMember): StaffMember {
    const options = [this.acceptor(communityId), this.streetStaff(communityId), ...this.gridWorkers(communityId)].filter((s) => s.id !== not.id);
    return options[0] ?? this.admin();
  }
}

export const actorOf = (s: StaffMember): Actor => ({ role: s.role, id: s.id, name: s.name });
