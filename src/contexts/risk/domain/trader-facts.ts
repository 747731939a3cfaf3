/**
 * What risk management knows of a trader (art.429 i.9) and what of it the trader may see
 * (art.429(2) p.3, CUS-RMS-22: facts of liability and arrears are not confidential). Pure.
 */
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from './errors.ts';
import { isRealDay } from './period.ts';
import type { TraderHistory } from './model.ts';
import { csvCells } from './price-references.ts';

/**
 * - `liability`: a final decision on administrative or criminal liability for a customs violation;
 * - `arrears`: unpaid customs payments, taxes, interest or fines (with the amount);
 * - `violation`: a violation a customs control or audit found (fed back by customs, CUS-RMS-20).
 */
export const TRADER_FACT_KINDS = ['liability', 'arrears', 'violation'] as const;
export type TraderFactKind = (typeof TRADER_FACT_KINDS)[number];
export const TRADER_FACT_SOURCES = ['analyst', 'import', 'control', 'audit'] as const;
export type TraderFactSource = (typeof TRADER_FACT_SOURCES)[number];

export type TraderFactInput = {
  readonly traderCode: string;
  readonly kind: TraderFactKind;
  readonly description: string;
  readonly reference: string;
  /** Dirams as a digit string; required for arrears. */
  readonly amountDirams?: string;
  readonly decidedOn: string;
  readonly settledOn?: string;
};

/** A domestic TIN or the `CC-registration` code of a foreign person (art.126), as declarations name the declarant. */
export const TRADER_CODE = /^([0-9]{9}|[A-Z]{2}-[A-Z0-9]{1,30})$/;

const isDay = isRealDay;

/** A fact is complete: a real day, an amount for arrears, a settlement not before the decision. */
export function checkTraderFact(f: TraderFactInput, path = 'body'): Result<TraderFactInput, Failure<RiskErrorCode>> {
  if (!TRADER_CODE.test(f.traderCode)) return fail('RISK_FACT_INVALID', `${path}.traderCode`);
  if (!(TRADER_FACT_KINDS as readonly string[]).includes(f.kind)) return fail('RISK_FACT_INVALID', `${path}.kind`);
  if (!isDay(f.decidedOn)) return fail('RISK_FACT_INVALID', `${path}.decidedOn`);
  if (f.settledOn !== undefined && (!isDay(f.settledOn) || f.settledOn < f.decidedOn)) return fail('RISK_FACT_INVALID', `${path}.settledOn`);
  if (f.amountDirams !== undefined && !/^\d{1,15}$/.test(f.amountDirams)) return fail('RISK_FACT_INVALID', `${path}.amountDirams`);
  if (f.kind === 'arrears' && f.amountDirams === undefined) return fail('RISK_FACT_INVALID', `${path}.amountDirams`);
  if (f.description.trim() === '' || f.reference.trim() === '')
    return fail('RISK_FACT_INVALID', `${path}.${f.description.trim() === '' ? 'description' : 'reference'}`);
  return ok(f);
}

/**
 * The trader's history as indicators read it on a day: violations are the liability facts and the
 * violations found by controls decided by then; debt is the arrears not settled by then, in somoni.
 */
export function traderHistory(
  facts: readonly { readonly kind: TraderFactKind; readonly amountDirams: bigint | null; readonly decidedOn: string; readonly settledOn: string | null }[],
  declarationsBefore: number,
  day: string,
): TraderHistory {
  let violations = 0;
  let debt = 0n;
  for (const f of facts) {
    if (f.decidedOn > day) continue;
    if (f.kind === 'arrears') {
      if (f.settledOn === null || f.settledOn > day) debt += f.amountDirams ?? 0n;
    } else violations += 1;
  }
  return { violations, debt: Number(debt) / 100, declarationsBefore };
}

/** CSV of facts (import by a risk analyst): `trader_code,kind,description,reference,amount_dirams,decided_on,settled_on`. */
export const FACT_COLUMNS = ['trader_code', 'kind', 'description', 'reference', 'amount_dirams', 'decided_on', 'settled_on'] as const;

/** Reads a CSV of facts; any bad line refuses the file and every problem is listed ({ line, field }; the header is line 1). */
export function parseFactFile(text: string): { readonly facts: TraderFactInput[]; readonly problems: { line: number; field: string }[] } {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = csvCells(physical[0] ?? '')?.map((h) => h.toLowerCase());
  if (!header || FACT_COLUMNS.some((c) => !header.includes(c)) || header.length !== FACT_COLUMNS.length)
    return { facts: [], problems: [{ line: 1, field: 'header' }] };
  const facts: TraderFactInput[] = [];
  const problems: { line: number; field: string }[] = [];
  for (const [k, raw] of physical.slice(1).entries()) {
    const line = k + 2;
    if (raw.trim() === '') continue;
    const cells = csvCells(raw);
    if (!cells || cells.length !== header.length) {
      problems.push({ line, field: 'line' });
      continue;
    }
    const cell = (name: (typeof FACT_COLUMNS)[number]) => cells[header.indexOf(name)] ?? '';
    const fact: TraderFactInput = {
      traderCode: cell('trader_code'),
      kind: cell('kind') as TraderFactKind,
      description: cell('description'),
      reference: cell('reference'),
      ...(cell('amount_dirams') !== '' ? { amountDirams: cell('amount_dirams') } : {}),
      decidedOn: cell('decided_on'),
      ...(cell('settled_on') !== '' ? { settledOn: cell('settled_on') } : {}),
    };
    const checked = checkTraderFact(fact, '');
    if (checked.ok) facts.push(fact);
    else problems.push({ line, field: (checked.error.field ?? '').replace(/^\./, '') });
  }
  if (facts.length === 0 && problems.length === 0) problems.push({ line: 2, field: 'line' });
  return { facts, problems };
}
