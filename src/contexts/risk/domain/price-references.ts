/**
 * Reference prices imported from CSV (the `below_reference` indicator, CUS-RMS-14 "deviation"): the
 * lines of a file checked one by one, then placed into each code's history. Pure: the application
 * reads the stored versions and writes the plan.
 *
 * A file is `commodity_code,price,unit,valid_from,valid_to` (header first, columns in any order,
 * valid_to empty for "until further notice"). Both ends of a period are inclusive, as in the customs
 * reference tables. A new period that starts after an open one closes it the day before; any other
 * shared day is an overlap. A line equal to a stored version is left as it is (a file may be sent again).
 */
import { dayNumber, type IsoDate, isoDate } from '../../../platform/calendar/time.ts';
import type { PriceErrorCode } from './price-errors.ts';

export const PRICE_COLUMNS = ['commodity_code', 'price', 'unit', 'valid_from', 'valid_to'] as const;

export type PriceVersion = {
  readonly commodityCode: string;
  readonly price: number;
  readonly unit: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
};
export type PriceLine = PriceVersion & { readonly line: number };
export type PriceProblem = { readonly line: number; readonly field: string; readonly code: Exclude<PriceErrorCode, 'RISK_PRICE_IMPORT_INVALID'> };

/** A price table's name: what profiles name in `below_reference`. */
export const isPriceTableName = (name: string): boolean => /^[a-z0-9][a-z0-9_-]{0,63}$/.test(name);

/** Ten digits, HS chapters 01-97 except the reserved 77. */
const isCommodityCode = (code: string) => /^\d{10}$/.test(code) && Number(code.slice(0, 2)) >= 1 && Number(code.slice(0, 2)) <= 97 && !code.startsWith('77');

function isRealDate(value: string): boolean {
  try {
    return isoDate(dayNumber(value)) === value;
  } catch {
    return false;
  }
}

/** One CSV line's cells (RFC 4180 quoting within the line); undefined when a quote is not closed. */
export function csvCells(line: string): string[] | undefined {
  const cells: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (isQuoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') isQuoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      isQuoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  if (isQuoted) return undefined;
  cells.push(cell.trim());
  return cells;
}

/** Reads every line of a file; any problem refuses the file (all problems are listed). Blank lines are skipped but counted. */
export function parsePriceFile(text: string): { readonly lines: PriceLine[]; readonly problems: PriceProblem[] } {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = csvCells(physical[0] ?? '')?.map((h) => h.toLowerCase());
  const problems: PriceProblem[] = [];
  if (!header || header.length !== PRICE_COLUMNS.length || PRICE_COLUMNS.some((c) => !header.includes(c))) {
    return { lines: [], problems: [{ line: 1, field: 'header', code: 'RISK_PRICE_HEADER_INVALID' }] };
  }
  const lines: PriceLine[] = [];
  physical.forEach((raw, index) => {
    if (index === 0 || raw.trim() === '') return;
    const line = index + 1;
    const cells = csvCells(raw);
    if (!cells || cells.length !== header.length) {
      problems.push({ line, field: 'line', code: 'RISK_PRICE_LINE_MALFORMED' });
      return;
    }
    const cell = (name: string) => cells[header.indexOf(name)] as string;
    const before = problems.length;
    const commodityCode = cell('commodity_code');
    if (!isCommodityCode(commodityCode)) problems.push({ line, field: 'commodity_code', code: 'RISK_PRICE_CODE_INVALID' });
    const price = cell('price');
    if (!/^\d{1,12}(\.\d{1,6})?$/.test(price) || Number(price) <= 0) problems.push({ line, field: 'price', code: 'RISK_PRICE_AMOUNT_INVALID' });
    const unit = cell('unit');
    if (unit.length < 1 || unit.length > 16) problems.push({ line, field: 'unit', code: 'RISK_PRICE_UNIT_INVALID' });
    const validFrom = cell('valid_from');
    const validTo = cell('valid_to') === '' ? null : cell('valid_to');
    if (!isRealDate(validFrom)) problems.push({ line, field: 'valid_from', code: 'RISK_PRICE_DATE_INVALID' });
    else if (validTo !== null && (!isRealDate(validTo) || validTo < validFrom)) problems.push({ line, field: 'valid_to', code: 'RISK_PRICE_DATE_INVALID' });
    if (problems.length === before) lines.push({ line, commodityCode, price: Number(price), unit, validFrom, validTo });
  });
  if (lines.length === 0 && problems.length === 0) problems.push({ line: 2, field: 'line', code: 'RISK_PRICE_FILE_EMPTY' });
  return { lines, problems };
}

/** What to write: versions to insert and stored open versions to close. */
export type PricePlan = {
  readonly inserts: readonly PriceVersion[];
  readonly closes: readonly { readonly commodityCode: string; readonly validFrom: IsoDate; readonly validTo: IsoDate }[];
  readonly unchanged: number;
};

const END = '9999-12-31';
const overlaps = (a: { validFrom: string; validTo: string | null }, b: { validFrom: string; validTo: string | null }) =>
  a.validFrom <= (b.validTo ?? END) && b.validFrom <= (a.validTo ?? END);

/**
 * Places the lines into the stored versions of the same table. With `today`, a code that has stored
 * versions changes only from today on (a replay of a past day keeps the prices of that day).
 */
export function planPrices(
  stored: readonly PriceVersion[],
  lines: readonly PriceLine[],
  today?: IsoDate,
): { readonly plan: PricePlan; readonly problems: PriceProblem[] } {
  const problems: PriceProblem[] = [];
  const inserts: PriceVersion[] = [];
  const closes: { commodityCode: string; validFrom: IsoDate; validTo: IsoDate }[] = [];
  let unchanged = 0;
  const byCode = new Map<string, PriceLine[]>();
  for (const l of lines) byCode.set(l.commodityCode, [...(byCode.get(l.commodityCode) ?? []), l]);
  for (const [code, group] of byCode) {
    const own = stored.filter((v) => v.commodityCode === code);
    // `state` holds the code's versions as they will be; `isStored` says which came from the database.
    const state: { version: PriceVersion; isStored: boolean }[] = own.map((version) => ({ version, isStored: true }));
    for (const line of [...group].sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.line - b.line)) {
      const { line: _line, ...version } = line;
      if (own.some((v) => v.validFrom === version.validFrom && v.validTo === version.validTo && v.price === version.price && v.unit === version.unit)) {
        unchanged++;
        continue;
      }
      if (today !== undefined && own.length > 0 && version.validFrom < today) {
        problems.push({ line: line.line, field: 'valid_from', code: 'RISK_PRICE_PAST_DATED' });
        continue;
      }
      const open = state.find((s) => s.version.validTo === null && s.version.validFrom < version.validFrom);
      const closedTo = isoDate(dayNumber(version.validFrom) - 1);
      const after = state.map((s) => (s === open ? { ...s.version, validTo: closedTo } : s.version));
      if (after.some((v) => overlaps(v, version))) {
        problems.push({ line: line.line, field: 'valid_from', code: 'RISK_PRICE_OVERLAP' });
        continue;
      }
      if (open) {
        const closed = { ...open.version, validTo: closedTo };
        if (open.isStored) closes.push({ commodityCode: code, validFrom: closed.validFrom, validTo: closedTo });
        else inserts[inserts.indexOf(open.version)] = closed;
        open.version = closed;
      }
      inserts.push(version);
      state.push({ version, isStored: false });
    }
  }
  return { plan: { inserts, closes, unchanged }, problems: problems.sort((a, b) => a.line - b.line) };
}
