import {
  apply,
  defaultPolicy,
  grievanceInput,
  newGrievance,
  type Actor,
  type Grievance,
  type GrievanceAction,
  type LoopContext,
  type Policy,
  type Service,
  type TransitionCommand,
} from '../src/index.js';

export const staffActor: Actor = { role: 'staff', id: 'st-1', name: '李网格' };
export const residentActor: Actor = { role: 'resident' };
export const systemActor: Actor = { role: 'system' };

/** Deterministic ids, so timelines compare by value. */
export function sequentialIds(prefix = 't'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

const at = '2026-11-01T01:00:00.000Z';
const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A small requestable service with a dynamic form (number, boolean, a list shown only when urgent). */
export const streetLight: Service = {
  id: 's-light',
  createdAt: at,
  updatedAt: at,
  code: 'environment.street-light',
  name: text('路灯报修', 'Street light repair'),
  group: 'environment',
  keywords: ['路灯'],
  searchTerms: ['ldbx'],
  audience: 'resident',
  targetGroups: ['all'],
  pricing: 'free',
  delivery: ['online'],
  provider: { kind: 'community', name: text('幸福社区居委会', 'Xingfu Community Committee') },
  orgUnitId: 'ou-xingfu',
  guide: {
    legalBasis: [],
    conditions: [],
    materials: [],
    steps: [],
    timeLimit: { workingDays: 3 },
    fees: text('免费', 'Free'),
    where: text('社区服务站', 'Community service station'),
    hours: text('工作日 9:00–17:00', 'Working days 9:00–17:00'),
    phone: '0931-1234567',
    complaintRoute: text('12345 热线', '12345 hotline'),
  },
  requestable: true,
  definition: [
    { code: 'floor', datatype: 'number', required: true, order: 1, description: text('楼层', 'Floor') },
    { code: 'urgent', datatype: 'boolean', required: false, order: 2, description: text('是否紧急', 'Urgent?') },
    {
      code: 'urgency_reason',
      datatype: 'singlevaluelist',
      required: true,
      order: 3,
      description: text('紧急原因', 'Why urgent'),
      values: [
        { key: 'elderly', name: text('有老人', 'Elderly residents') },
        { key: 'dark', name: text('完全没有照明', 'Completely dark') },
      ],
      showIf: { attribute: 'urgent', equals: true },
    },
    { code: 'tips', datatype: 'note', required: false, order: 4, description: text('夜间请注意安全', 'Take care at night') },
  ],
};

export const validGrievanceInput = {
  serviceCode: streetLight.code,
  description: '3号楼楼道灯坏了一个星期，晚上老人上下楼很危险。',
  location: { kind: 'address', text: '幸福路12号3号楼2单元' },
  attributes: { floor: 3 },
  reporter: { anonymous: false, name: '王建国', phone: '13912345678' },
  contactConsent: true,
} as const;

export function loopContext(now: string, actor: Actor = staffActor, policy: Policy = defaultPolicy, newId = sequentialIds()): LoopContext {
  return { actor, now, newId, policy };
}

/** A freshly submitted grievance, built the way an adapter builds one. */
export function submittedGrievance(now = '2026-11-16T01:00:00.000Z', newId = sequentialIds()): Grievance {
  const input = grievanceInput.parse(validGrievanceInput);
  return newGrievance(input, streetLight, { ...loopContext(now, residentActor, defaultPolicy, newId), id: 'g-1', trackingCode: 'MQ-261116-7KXD' });
}

/** The command fields every guarded transition may ask for, so only the table decides. */
export function fullCommand(action: GrievanceAction): TransitionCommand {
  return { action, note: `备注：${action}`, assignee: { id: 'st-2', name: '张师傅' }, duplicateOf: 'g-other', referredTo: '区住建局' };
}

/** Walks a grievance through staff steps: submitted → … → resolved. */
export function resolvedGrievance(now = '2026-11-16T01:00:00.000Z', newId = sequentialIds()): Grievance {
  let g = submittedGrievance(now, newId);
  const ctx = { actor: staffActor, now, newId };
  for (const action of ['accept', 'assign', 'start', 'resolve'] as const) g = apply(g, fullCommand(action), ctx);
  return g;
}

/** Recursively freezes a value so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
