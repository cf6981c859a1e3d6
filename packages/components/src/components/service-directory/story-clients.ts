// Clients for the stories of the directory, the guide and the notice board only (never imported by the
// components): the demo backend, empty, slow, broken, huge, or full of very long texts.
import { createMemoryStore, memoryAdapter, type MemorySeed } from '@linli/adapter-memory';
import { demoData } from '@linli/adapter-memory/demo';
import { DEMO_NOW, makeServiceCatalogue } from '@linli/demo-data';
import { createClient, ServerError, type LinliAdapter, type LinliClient, type Notice, type Service } from '@linli/sdk';

export { demoData, DEMO_NOW };

/** The demo notices are dated relative to DEMO_NOW; pinning the clock keeps their 公示 windows open. */
const demoClock = () => new Date(DEMO_NOW);

export function demoClient(seed: MemorySeed = demoData): LinliClient {
  return createClient({ adapter: memoryAdapter({ store: createMemoryStore({ seed }), now: demoClock }) });
}

function clientWith(overrides: Partial<Record<keyof LinliAdapter, unknown>>): LinliClient {
  const base = memoryAdapter({ store: createMemoryStore({ seed: demoData }), now: demoClock });
  return createClient({ adapter: new Proxy(base, { get: (t, p) => (p in overrides ? overrides[p as keyof LinliAdapter] : Reflect.get(t, p)) }) });
}

/** Never answers: the loading state stays on screen. */
export const neverClient = () => clientWith({ listServices: () => new Promise(() => {}), getService: () => new Promise(() => {}), listNotices: () => new Promise(() => {}) });

/** The server is down. */
export const brokenClient = () => {
  const fail = () => Promise.reject(new ServerError('The demo server is down.'));
  return clientWith({ listServices: fail, getService: fail, listNotices: fail });
};

/** No services and no notices at all. */
export const emptyClient = () => demoClient({ orgUnits: demoData.orgUnits });

/** A district-sized catalogue, for the virtualised list. */
export const catalogueClient = (count = 10_000) => demoClient({ services: makeServiceCatalogue(count) });

const LONG = '（含高龄津贴、护理补贴、居家养老服务补贴、困难老年人助餐补贴、独居老人定期探访、紧急呼叫终端安装与维护等多项内容的一站式综合申请服务）';

/** Every name, description and notice title several lines long, to check wrapping at phone width. */
export function longTextClient(): LinliClient {
  const services: Service[] = demoData.services.slice(0, 12).map((s: Service) => ({
    ...s,
    name: { 'zh-CN': `${s.name['zh-CN']}${LONG}`, en: `${s.name.en ?? s.name['zh-CN']} — including allowances, meal subsidies, regular visits and emergency-call devices, all in one application` },
    description: { 'zh-CN': `${s.description?.['zh-CN'] ?? ''}${LONG}${LONG}` },
  }));
  const notices: Notice[] = demoData.notices.slice(0, 8).map((n: Notice) => ({
    ...n,
    title: { 'zh-CN': `${n.title['zh-CN']}${LONG}`, en: `${n.title.en ?? n.title['zh-CN']} — with every detail residents asked about at the last meeting` },
  }));
  return demoClient({ orgUnits: demoData.orgUnits, services, notices });
}
