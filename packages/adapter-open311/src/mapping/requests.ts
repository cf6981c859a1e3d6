import { channels, grievanceStatuses, timestamp, type Channel, type GrievanceLocation, type GrievanceStatus, type PublicGrievance, type TimelineEntry } from '@linli/sdk';
import { bool, nestedList, num, str, type Obj } from '../wire/parse.js';
import { toLinliCode } from './codes.js';

/**
 * Dates as endpoints really send them → ISO 8601 with an offset. Fixes `+0800` → `+08:00` and a
 * space for `T`; a date-time without any offset (against the spec, but common) is read in
 * `assumedOffset`. Unreadable dates are absent.
 */
export function isoDate(v: unknown, assumedOffset = 'Z'): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(s);
  if (m) {
    const offset = m[4] === undefined ? assumedOffset : m[4].toUpperCase() === 'Z' ? 'Z' : m[4].replace(/^([+-]\d{2}):?(\d{2})?$/, (_, h: string, mm?: string) => `${h}:${mm ?? '00'}`);
    const candidate = `${m[1]}T${m[2]}${m[3] ?? ':00'}${offset}`;
    if (timestamp.safeParse(candidate).success) return candidate;
  }
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export interface RequestMappingContext {
  /** The tracking code the resident holds (an id, or a token form). */
  trackingCode: string;
  assumedOffset?: string;
}

const clip = (s: string, max: number) => ([...s].length > max ? [...s].slice(0, max).join('') : s);
const isStatus = (s: string | undefined): s is GrievanceStatus => !!s && (grievanceStatuses as readonly string[]).includes(s);
const isChannel = (s: string | undefined): s is Channel => !!s && (channels as readonly string[]).includes(s);

function validUrl(u: string | undefined): string | undefined {
  if (!u) return undefined;
  try {
    return new URL(u).protocol.startsWith('http') ? u : undefined;
  } catch {
    return undefined;
  }
}

function guessMediaType(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
  const known: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', mp4: 'video/mp4', pdf: 'application/pdf' };
  return (ext && known[ext]) || 'application/octet-stream';
}

/**
 * Where: an address reads best for a resident, so it wins over coordinates, which win over an
 * address id. A request without any location (rare, but seen) gets a marked placeholder.
 */
function locationOf(o: Obj): GrievanceLocation {
  const address = str(o.address);
  if (address && [...address].length >= 2) return { kind: 'address', text: clip(address, 200) };
  const lat = num(o.lat);
  const long = num(o.long);
  if (lat !== undefined && long !== undefined && Math.abs(lat) <= 90 && Math.abs(long) <= 180) return { kind: 'point', lat, long };
  const addressId = str(o.address_id);
  if (addressId) return { kind: 'address-id', addressId: clip(addressId, 80) };
  return { kind: 'address', text: '未知地点 (unknown location)' };
}

/**
 * An Open311 request → Linli's public view. Without Linli's `extensions`, `open` reads as `accepted`
 * (reported and on record) and `closed` as `closed`; the timeline is synthesised from
 * requested_datetime, updated_datetime and status_notes. With the `notes` / `extended_attributes`
 * extension, the rich status and the real public timeline are used.
 */
export function toPublicGrievance(o: Obj, ctx: RequestMappingContext): PublicGrievance {
  const id = str(o.service_request_id) ?? ctx.trackingCode;
  const offset = ctx.assumedOffset ?? 'Z';
  const requested = isoDate(o.requested_datetime, offset);
  const updated = isoDate(o.updated_datetime, offset);
  const createdAt = requested ?? updated ?? new Date().toISOString();
  const updatedAt = updated ?? createdAt;
  const open311Status = str(o.status)?.toLowerCase() === 'closed' ? 'closed' : 'open';
  const ext = (o.extended_attributes && typeof o.extended_attributes === 'object' ? o.extended_attributes : {}) as Obj;
  const rich = str(ext.linli_status);
  const status: GrievanceStatus = isStatus(rich) ? rich : open311Status === 'closed' ? 'closed' : 'accepted';
  const statusNotes = str(o.status_notes);
  const agency = str(o.agency_responsible);
  const mediaUrl = validUrl(str(o.media_url));
  const expectedAt = isoDate(o.expected_datetime, offset);
  const channel = str(ext.channel);

  const notes = nestedList(o.notes, 'note');
  // Other cities' `notes` carry no Linli status; those requests get the synthesised timeline.
  const fromNotes = notesTimeline(notes, id, offset);
  const timeline: TimelineEntry[] = fromNotes.length ? fromNotes : synthesisedTimeline({ id, createdAt, updatedAt, status, statusNotes });
  const closed = open311Status === 'closed';

  return {
    id: clip(id, 80),
    createdAt,
    updatedAt,
    serviceCode: toLinliCode(str(o.service_code) ?? 'unknown'),
    description: clip(str(o.description) ?? '', 4000),
    attributes: {},
    location: locationOf(o),
    media: mediaUrl ? [{ url: mediaUrl, contentType: guessMediaType(mediaUrl) }] : [],
    channel: isChannel(channel) ? channel : 'open311',
    // Open311 publishes nothing about the reporter; Linli's extension says whether they gave a name.
    reporter: { anonymous: bool(ext.anonymous) ?? true },
    contactConsent: false,
    status,
    timeline,
    // agency_responsible is who handles it, which is what a resident wants to see as the handler.
    ...(agency ? { assignee: { id: clip(agency, 80), name: clip(agency, 80) } } : {}),
    ...(expectedAt ? { expectedAt } : {}),
    trackingCode: ctx.trackingCode,
    ...(statusNotes && (status === 'resolved' || closed) ? { resolution: clip(statusNotes, 2000) } : {}),
    ...(closed ? { closedAt: updatedAt } : {}),
  };
}

function notesTimeline(notes: Obj[], id: string, offset: string): TimelineEntry[] {
  let previous: GrievanceStatus | null = null;
  const entries: TimelineEntry[] = [];
  notes.forEach((n, i) => {
    const at = isoDate(n.datetime, offset);
    const to = str(n.status);
    if (!at || !isStatus(to)) return;
    const action = clip(str(n.type) ?? 'update', 40);
    entries.push({
      id: `${id}-note-${i + 1}`,
      at,
      actor: { role: action === 'submit' ? 'resident' : 'staff' },
      action,
      from: previous,
      to,
      note: clip(str(n.description) ?? str(n.summary) ?? '', 2000),
      visibility: 'public',
    });
    previous = to;
  });
  return entries;
}

function synthesisedTimeline(g: { id: string; createdAt: string; updatedAt: string; status: GrievanceStatus; statusNotes?: string }): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    { id: `${g.id}-submitted`, at: g.createdAt, actor: { role: 'resident' }, action: 'submit', from: null, to: 'submitted', note: '', visibility: 'public' },
  ];
  if (g.status !== 'submitted') {
    entries.push({
      id: `${g.id}-${g.status}`,
      at: g.updatedAt,
      actor: { role: 'staff' },
      action: 'update',
      from: 'submitted',
      to: g.status,
      note: clip(g.statusNotes ?? '', 2000),
      visibility: 'public',
    });
  }
  return entries;
}
