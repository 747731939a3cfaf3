/**
 * The QR code of a receipt (p.9 field 17), as the page reads it: the printed text is
 * `https://<host>/r?fm=<module>&n=<number>&t=<YYYYMMDDTHHmm, Dushanbe>&s=<total, somoni>&fs=<fiscal sign>`,
 * so a phone camera opens this page with the data in its address (src/contexts/fiscal/application/check-receipt.ts).
 */

/** What a buyer can read off a receipt, as typed (strings), before any check. */
export type ReceiptFields = {
  /** Fiscal module number. */
  readonly fm: string;
  /** Document number. */
  readonly n: string;
  /** Fiscal sign, 10 digits. */
  readonly fs: string;
  /** Total in somoni, as printed ("12.50"); may be empty. */
  readonly total: string;
  /** Date of issue, YYYY-MM-DD; may be empty. */
  readonly date: string;
  /** Time of issue, HH:mm; may be empty. */
  readonly time: string;
};

export const EMPTY_FIELDS: ReceiptFields = { fm: '', n: '', fs: '', total: '', date: '', time: '' };

export type FieldProblem = 'required' | 'number' | 'fiscalSign' | 'total' | 'time' | 'date';
export type FieldProblems = Partial<Record<keyof ReceiptFields, FieldProblem>>;

const digitsOnly = (s: string) => s.replace(/[\s\u00a0-]/g, '');

/** The query part of a QR text: after `?` in a URL, or the whole text when it is bare `fm=…&n=…`. */
function queryOf(text: string): string {
  const trimmed = text.trim();
  const q = trimmed.indexOf('?');
  return q >= 0 ? trimmed.slice(q + 1) : trimmed;
}

/** `20260302T0915` → date and time inputs' values. */
function splitQrTime(t: string | null): { date: string; time: string } {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})$/.exec(t ?? '');
  return m ? { date: `${m[1]}-${m[2]}-${m[3]}`, time: `${m[4]}:${m[5]}` } : { date: '', time: '' };
}

/** The fields of a QR text or of a page address's query; undefined when it carries no module number. */
export function fieldsFromQr(text: string | URLSearchParams): ReceiptFields | undefined {
  const p = typeof text === 'string' ? new URLSearchParams(queryOf(text)) : text;
  const fm = p.get('fm')?.trim();
  if (!fm) return undefined;
  return { fm, n: p.get('n')?.trim() ?? '', fs: p.get('fs')?.trim() ?? '', total: p.get('s')?.trim() ?? '', ...splitQrTime(p.get('t')) };
}

/** "12,5" or "12.50" → "12.50"; undefined when it is not an amount. */
export function normaliseTotal(value: string): string | undefined {
  const m = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(value.replace(/[\s\u00a0]/g, ''));
  if (!m) return undefined;
  return `${Number(m[1])}.${(m[2] ?? '').padEnd(2, '0')}`;
}

/** What is wrong with typed fields; an empty object when they can be checked. */
export function problemsOf(f: ReceiptFields): FieldProblems {
  const out: Record<string, FieldProblem> = {};
  if (!f.fm.trim()) out.fm = 'required';
  const n = digitsOnly(f.n);
  if (!n) out.n = 'required';
  else if (!/^\d{1,15}$/.test(n) || Number(n) < 1) out.n = 'number';
  const fs = digitsOnly(f.fs);
  if (!fs) out.fs = 'required';
  else if (!/^\d{10}$/.test(fs)) out.fs = 'fiscalSign';
  if (f.total.trim() && normaliseTotal(f.total) === undefined) out.total = 'total';
  if (f.date && !/^\d{4}-\d{2}-\d{2}$/.test(f.date)) out.date = 'date';
  // The QR carries date and time together: a date without the time cannot be compared.
  if (f.date && !/^\d{2}:\d{2}$/.test(f.time)) out.time = 'time';
  if (!f.date && f.time) out.date = 'date';
  return out;
}

/** The canonical `fm=…&n=…&t=…&s=…&fs=…` of checkable fields (what the page address and the API take). */
export function qrQuery(f: ReceiptFields): string {
  const p = new URLSearchParams();
  p.set('fm', f.fm.trim());
  p.set('n', String(Number(digitsOnly(f.n))));
  if (f.date && f.time) p.set('t', `${f.date.replaceAll('-', '')}T${f.time.replace(':', '')}`);
  const total = f.total.trim() ? normaliseTotal(f.total) : undefined;
  if (total) p.set('s', total);
  p.set('fs', digitsOnly(f.fs));
  return p.toString();
}

/** The instant a QR time stands for (Dushanbe, UTC+05:00), as an ISO string; undefined without a date. */
export function qrInstant(f: Pick<ReceiptFields, 'date' | 'time'>): string | undefined {
  if (!f.date || !f.time) return undefined;
  const d = new Date(`${f.date}T${f.time}:00+05:00`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
