import type { RawQuery } from '../../../platform/db.ts';

/** What the QR code of a receipt carries (docs/fiscal-documents.md "QR code"). */
export type QrContent = {
  readonly fiscalModuleNumber: string;
  readonly number: number;
  readonly fiscalSign: string;
  /** Total in somoni with two decimals, as printed. */
  readonly total?: string;
  /** Local Dushanbe time, YYYYMMDDTHHmm. */
  readonly issuedAt?: string;
};

export type CheckResult = {
  readonly status: 'valid' | 'mismatch' | 'not_found';
  readonly mismatches: ('fiscalSign' | 'total' | 'issuedAt')[];
  readonly receipt?: {
    readonly fiscalModuleNumber: string;
    readonly number: number;
    readonly docType: string;
    readonly issuedAt: string;
    readonly total: string;
    readonly businessName: string;
    readonly businessTin: string;
    readonly placeOfActivity: string;
    readonly registryNumber: string;
  };
};

/** The QR's local time and total as the receipt prints them. */
export const qrTime = (iso: string): string => {
  const local = new Date(Date.parse(iso) + 5 * 3_600_000).toISOString();
  return `${local.slice(0, 4)}${local.slice(5, 7)}${local.slice(8, 10)}T${local.slice(11, 13)}${local.slice(14, 16)}`;
};
export const qrTotal = (dirams: number): string => `${Math.floor(dirams / 100)}.${String(dirams % 100).padStart(2, '0')}`;

/** Parses the QR text: a URL with a query string, or the bare `fm=…&n=…` pairs. */
export function parseQr(text: string): QrContent | undefined {
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
  const p = new URLSearchParams(query);
  const fm = p.get('fm');
  const n = Number(p.get('n'));
  const fs = p.get('fs');
  if (!fm || !Number.isSafeInteger(n) || n < 1 || !fs || !/^\d{10}$/.test(fs)) return undefined;
  return { fiscalModuleNumber: fm, number: n, fiscalSign: fs, total: p.get('s') ?? undefined, issuedAt: p.get('t') ?? undefined };
}

/** The QR text of a receipt (field 17), for the printing side. */
export function qrText(base: string, d: { fiscalModuleNumber: string; number: number; fiscalSign: string; total: number; issuedAt: string }): string {
  return `${base}?fm=${encodeURIComponent(d.fiscalModuleNumber)}&n=${d.number}&t=${qrTime(d.issuedAt)}&s=${qrTotal(d.total)}&fs=${d.fiscalSign}`;
}

type Row = {
  doc_type: string;
  fiscal_sign: string;
  total: string | number;
  issued_at: string;
  registry_number: string;
  place_of_activity: string;
  name: string;
  tin: string;
};

/** Many look-ups in one statement: row `i` answers the i-th (module, number) asked. */
const SQL = `SELECT q.i::int AS i, k.doc_type, k.fiscal_sign, k.total, k.issued_at::text AS issued_at, r.registry_number, r.place_of_activity, b.name, b.tin
  FROM unnest($1::text[], $2::int8[]) WITH ORDINALITY AS q(fm, n, i)
  JOIN fiscal.document_keys k ON k.fiscal_module_number = q.fm AND k.number = q.n
  JOIN fiscal.registers r ON r.id = k.register_id
  JOIN fiscal.businesses b ON b.tin = r.business_tin`;

/** The most look-ups one statement carries. */
const MAX_BATCH = 256;

/**
 * The look-ups of the public check, grouped: the requests that arrive while one statement runs go
 * together in the next, so a burst of checks costs a few round trips instead of one each
 * (bench/check: 5 000 look-ups a second is the target).
 */
export function createReceiptLookup(query: RawQuery): (fm: string, n: number) => Promise<Row | undefined> {
  type Waiting = { fm: string; n: number; resolve: (r: Row | undefined) => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let isScheduled = false;
  const flush = async () => {
    isScheduled = false;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      void query<Row & { i: number }>(SQL, [batch.map((w) => w.fm), batch.map((w) => w.n)]).then(
        (rows) => {
          const found = new Map(rows.map((r) => [Number(r.i), r]));
          for (const [k, w] of batch.entries()) w.resolve(found.get(k + 1));
        },
        (error) => {
          for (const w of batch) w.reject(error);
        },
      );
    }
  };
  return (fm, n) =>
    new Promise((resolve, reject) => {
      queue.push({ fm, n, resolve, reject });
      if (!isScheduled) {
        isScheduled = true;
        setImmediate(flush);
      }
    });
}

/**
 * The public check (p.9 field 17, p.53 item 6, FIS-VER): anyone with the QR content learns
 * whether the receipt is in the operator's data and whether what it prints matches (p.6).
 */
export async function checkReceipt(lookup: (fm: string, n: number) => Promise<Row | undefined>, qr: QrContent): Promise<CheckResult> {
  const row = await lookup(qr.fiscalModuleNumber, qr.number);
  if (!row) return { status: 'not_found', mismatches: [] };
  const total = Number(row.total);
  const issuedAt = new Date(row.issued_at.replace(' ', 'T').replace(/\+00$/, 'Z')).toISOString();
  const mismatches: ('fiscalSign' | 'total' | 'issuedAt')[] = [];
  if (row.fiscal_sign !== qr.fiscalSign) mismatches.push('fiscalSign');
  if (qr.total !== undefined && qr.total !== qrTotal(total)) mismatches.push('total');
  if (qr.issuedAt !== undefined && qr.issuedAt !== qrTime(issuedAt)) mismatches.push('issuedAt');
  // Document numbers run in sequence: without the right fiscal sign nobody learns what another
  // business sold, only that this sign is not the one on record.
  if (mismatches.includes('fiscalSign')) return { status: 'mismatch', mismatches: ['fiscalSign'] };
  return {
    status: mismatches.length === 0 ? 'valid' : 'mismatch',
    mismatches,
    receipt: {
      fiscalModuleNumber: qr.fiscalModuleNumber,
      number: qr.number,
      docType: row.doc_type,
      issuedAt,
      total: qrTotal(total),
      businessName: row.name,
      businessTin: row.tin,
      placeOfActivity: row.place_of_activity,
      registryNumber: row.registry_number,
    },
  };
}
