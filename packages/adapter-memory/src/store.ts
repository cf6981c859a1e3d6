import {
  defaultPolicy,
  hashAccessCode,
  type Evaluation,
  type Grievance,
  type Household,
  type Notice,
  type OrgUnit,
  type Policy,
  type Rectification,
  type Resident,
  type Service,
  type Dataset,
} from '@linli/sdk';

/** Everything a memory backend holds. Plain JSON, so it can be persisted as is. */
export interface MemoryState {
  version: 1;
  orgUnits: OrgUnit[];
  services: Service[];
  notices: Notice[];
  grievances: Grievance[];
  evaluations: Evaluation[];
  rectifications: Rectification[];
  residents: Resident[];
  households: Household[];
  /** grievance id → SHA-256 of its access code; the plain code is never kept. */
  accessHashes: Record<string, string>;
  /** idempotency key → the stored result of the first call. */
  idempotency: Record<string, { kind: string; result: unknown; at: string }>;
  policy: Policy;
  sequence: number;
}

/** A dataset to start from, e.g. `@linli/demo-data`. `accessCodes` are plain and hashed on load. */
export type MemorySeed = Dataset;

/** Where a memory backend keeps its state between runs. */
export interface Persistence {
  load(): MemoryState | null;
  save(state: MemoryState): void;
}

/** Browser persistence in `localStorage` (quota errors are reported, never thrown at the resident). */
export function localStoragePersistence(key = 'linli:memory'): Persistence {
  return {
    load() {
      const raw = globalThis.localStorage?.getItem(key);
      return raw ? (JSON.parse(raw) as MemoryState) : null;
    },
    save(state) {
      try {
        globalThis.localStorage?.setItem(key, JSON.stringify(state));
      } catch (err) {
        console.warn('[linli] could not persist the memory backend to localStorage', err);
      }
    },
  };
}

export interface MemoryStore {
  /** Resolves once seed access codes are hashed. */
  ready: Promise<void>;
  state: MemoryState;
  /** Apply a change and persist it. Changes are synchronous, so a call is all-or-nothing. */
  commit(): void;
  nextId(prefix: string): string;
}

const clone = <T>(v: T): T => structuredClone(v);

export function createMemoryStore(options: { seed?: MemorySeed; persistence?: Persistence } = {}): MemoryStore {
  const { seed = {}, persistence } = options;
  const loaded = persistence?.load() ?? null;
  const state: MemoryState = loaded ?? {
    version: 1,
    orgUnits: clone(seed.orgUnits ?? []),
    services: clone(seed.services ?? []),
    notices: clone(seed.notices ?? []),
    grievances: clone(seed.grievances ?? []),
    evaluations: clone(seed.evaluations ?? []),
    rectifications: clone(seed.rectifications ?? []),
    residents: clone(seed.residents ?? []),
    households: clone(seed.households ?? []),
    accessHashes: {},
    idempotency: {},
    policy: seed.policy ?? defaultPolicy,
    sequence: 0,
  };
  const store: MemoryStore = {
    state,
    ready: Promise.resolve(),
    commit: () => persistence?.save(state),
    nextId: (prefix) => `${prefix}-m${(++state.sequence).toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
  };
  if (!loaded && seed.accessCodes) {
    const codes = seed.accessCodes;
    store.ready = Promise.all(
      Object.entries(codes).map(async ([id, code]) => {
        state.accessHashes[id] = await hashAccessCode(code, id);
      }),
    ).then(() => store.commit());
  }
  return store;
}
