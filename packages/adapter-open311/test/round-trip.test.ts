import { createClient } from '@linli/sdk';
import { validAttributes } from '@linli/sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open311Adapter } from '../src/index.js';
import { API_KEY, startLinliEndpoint, type LinliEndpoint } from './helpers/linli-endpoint.js';

// Open311 in, Linli staff workflow in the middle, Open311 out: the loop a city integration relies on.
let linli: LinliEndpoint;
beforeAll(async () => {
  linli = await startLinliEndpoint();
});
afterAll(() => linli.close());

describe.each(['json', 'xml'] as const)('Open311 ↔ Linli staff round trip (%s)', (format) => {
  it('a request created over Open311 reaches the staff list, and staff work shows up over Open311', async () => {
    const resident = createClient({ adapter: open311Adapter({ endpoint: linli.endpoint, apiKey: API_KEY, format }) });
    const staff = createClient({ adapter: linli.staff });
    const service = await resident.services.get('environment.street-light');
    expect(service.definition.map((d) => [d.code, d.datatype])).toEqual([
      ['floor', 'number'],
      ['urgent', 'boolean'],
      ['urgency_reason', 'singlevaluelist'],
    ]);
    expect(service.definition[2]!.showIf).toEqual({ attribute: 'urgent', equals: true });

    const receipt = await resident.grievances.submit({
      serviceCode: service.code,
      description: '5号楼门口路灯不亮，晚上很黑。',
      location: { kind: 'point', lat: 36.0611, long: 103.8343 },
      attributes: { ...validAttributes(service), urgent: true, urgency_reason: 'elderly' },
      reporter: { anonymous: false, name: '王建国', phone: '13912345678' },
      contactConsent: true,
    });

    // Linli's own staff view: the same case, with the reporter's details kept for staff and the channel marked.
    const [listed] = (await staff.grievances.list({ status: ['submitted'], limit: 500 })).items.filter((g) => g.id === receipt.id);
    expect(listed).toBeDefined();
    expect(listed).toMatchObject({
      channel: 'open311',
      reporter: { anonymous: false, name: '王建国', phone: '13912345678' },
      location: { kind: 'point', lat: 36.0611, long: 103.8343 },
      attributes: { floor: 1, urgent: true, urgency_reason: 'elderly' },
    });

    let seen = await resident.grievances.track(receipt.trackingCode, receipt.accessCode);
    expect(seen).toMatchObject({ id: receipt.id, status: 'submitted', reporter: { anonymous: false } });
    expect(JSON.stringify(seen)).not.toContain('13912345678');

    await staff.grievances.transition(receipt.id, { action: 'accept', note: '已受理' });
    await staff.grievances.transition(receipt.id, { action: 'assign', note: '派给网格员', assignee: { id: 'staff-1', name: '李网格' } });
    seen = await resident.grievances.track(receipt.trackingCode, receipt.accessCode);
    expect(seen.status).toBe('assigned');

    await staff.grievances.transition(receipt.id, { action: 'start', note: '上门查看' });
    await staff.grievances.transition(receipt.id, { action: 'resolve', note: '已更换灯泡，恢复照明' });

    // Rich view (Linli's extension): the real status and public timeline.
    seen = await resident.grievances.track(receipt.trackingCode, receipt.accessCode);
    expect(seen.status).toBe('resolved');
    expect(seen.timeline.map((e) => e.to)).toEqual(['submitted', 'accepted', 'assigned', 'in_progress', 'resolved']);
    expect(seen.timeline.at(-1)!.note).toBe('已更换灯泡，恢复照明');

    // Plain Open311 view: closed, with the resolution as status_notes.
    const plain = createClient({ adapter: open311Adapter({ endpoint: linli.endpoint, format, extensions: false }) });
    const closed = await plain.grievances.track(receipt.trackingCode, receipt.accessCode);
    expect(closed.status).toBe('closed');
    expect(closed.resolution).toBe('已更换灯泡，恢复照明');
    expect(closed.timeline.at(-1)).toMatchObject({ to: 'closed', note: '已更换灯泡，恢复照明' });

    // And the raw wire says exactly that.
    const raw = await fetch(`${linli.endpoint}/requests/${receipt.id}.json`).then((r) => r.json());
    expect(raw[0]).toMatchObject({ status: 'closed', status_notes: '已更换灯泡，恢复照明' });
  });
});
