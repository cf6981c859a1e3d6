import type { Grievance } from '@linli/sdk';

/**
 * Open311 lets anyone read every request, so the public projection is not enough on its own:
 * residents type their own phone number or name into the description, and staff sometimes quote
 * them in notes. Everything free-text that leaves through Open311 goes through this.
 */
const mobile = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g; // mainland mobile → 138****5678 (SPEC §3 masking)
const idCard = /(?<![\dXx])(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])/g; // 居民身份证号
const email = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

export const REDACTED = '***';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A redactor for one grievance: removes its reporter's own name, phone and e-mail, then masks anything that looks like a phone, ID number or e-mail. */
export function redactorFor(g: Pick<Grievance, 'reporter'>): (text: string) => string {
  const known: RegExp[] = [];
  if (!g.reporter.anonymous) {
    const { name, phone, email: mail } = g.reporter;
    // A one-character name would blank out ordinary words, so only names of two or more characters are removed.
    if (name && [...name.trim()].length >= 2) known.push(new RegExp(escapeRegExp(name.trim()), 'g'));
    if (phone) {
      const digits = phone.replace(/\D/g, '');
      if (digits.length >= 5) known.push(new RegExp(digits.split('').join('[\\s-]?'), 'g'));
    }
    if (mail) known.push(new RegExp(escapeRegExp(mail), 'gi'));
  }
  return (text: string) => {
    let out = text;
    for (const re of known) out = out.replace(re, REDACTED);
    return out
      .replace(idCard, '$1********$2')
      .replace(mobile, '$1****$3')
      .replace(email, `$1${REDACTED}@$2`);
  };
}
