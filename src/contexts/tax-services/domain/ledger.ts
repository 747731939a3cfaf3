/**
 * The tax account ledger (лицевой счёт налогоплательщика) as pure rules: which entries raise and
 * which lower what a taxpayer owes, periods, balances per tax type at a date, debts, and the
 * reconciliation act of 06.06.04. Money is integer dirams; a positive balance is an overpayment,
 * a negative one a debt. Entries are never changed: a correction is a reversal (storno) of the
 * whole entry, followed by the right one (docs/tax-services-ledger.md).
 */

/**
 * The kinds of entry. Debits raise what is owed, credits lower it:
 * - `charge` (debit): tax assessed or declared, payable from its value date;
 * - `interest`, `penalty` (debit): interest for late payment and fines (Tax Code), charged like tax;
 * - `refund` (debit): overpaid tax paid back to the taxpayer;
 * - `offset_out` (debit): the giving side of an offset, overpayment taken from this tax type;
 * - `payment` (credit): money that reached the budget on its value date;
 * - `offset` (credit): the receiving side of an offset of an overpayment (07.07.01);
 * - `write_off` (credit): a debt written off as uncollectible by decision.
 */
export const ENTRY_KINDS = ['charge', 'interest', 'penalty', 'refund', 'offset_out', 'payment', 'offset', 'write_off'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

const DEBIT_KINDS: ReadonlySet<EntryKind> = new Set(['charge', 'interest', 'penalty', 'refund', 'offset_out']);

export const isEntryKind = (value: string): value is EntryKind => (ENTRY_KINDS as readonly string[]).includes(value);
export const isDebit = (kind: EntryKind): boolean => DEBIT_KINDS.has(kind);

/** The tax types whose charges come from the property register (04.04.03: real estate, land, vehicles). */
export const PROPERTY_TAX_TYPES = { real_estate: 'real_estate', land: 'land', vehicle: 'vehicle' } as const;
export type PropertyKind = keyof typeof PROPERTY_TAX_TYPES;

/** Largest amount of one entry: 10^15 dirams (10 trillion somoni), so sums stay exact in a JS number. */
export const MAX_ENTRY_DIRAMS = 1_000_000_000_000_000;

/** A reporting period: a year `2026`, a quarter `2026-Q1` or a month `2026-03`. */
export type Period = {
  readonly text: string;
  readonly kind: 'year' | 'quarter' | 'month';
  readonly year: number;
  /** 1-4 for a quarter. */
  readonly quarter: number | null;
  /** 1-12 for a month. */
  readonly month: number | null;
  readonly firstDay: string;
  readonly lastDay: string;
  /** The month in which the period ends (12 for a year, 3/6/9/12 for a quarter). */
  readonly endMonth: number;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const isoOf = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** Parses a period; null when it is none of the three forms or out of 2000-2100. */
export function parsePeriod(text: string): Period | null {
  const m = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  if (m[2]) {
    const quarter = Number(m[2]);
    const endMonth = quarter * 3;
    return {
      text,
      kind: 'quarter',
      year,
      quarter,
      month: null,
      firstDay: isoOf(year, endMonth - 2, 1),
      lastDay: isoOf(year, endMonth, daysInMonth(year, endMonth)),
      endMonth,
    };
  }
  if (m[3]) {
    const month = Number(m[3]);
    return {
      text,
      kind: 'month',
      year,
      quarter: null,
      month,
      firstDay: isoOf(year, month, 1),
      lastDay: isoOf(year, month, daysInMonth(year, month)),
      endMonth: month,
    };
  }
  return { text, kind: 'year', year, quarter: null, month: null, firstDay: isoOf(year, 1, 1), lastDay: isoOf(year, 12, 31), endMonth: 12 };
}

/** Whether a 'YYYY-MM-DD' string is a real calendar date. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Debits and credits of one tax type over some entries (a reversal counts negative in its own column). */
export type Turnover = { readonly taxType: string; readonly debits: number; readonly credits: number };

/** Where one tax type stands: `balance` = credits − debits; `debt` and `overpayment` are its two sides. */
export type TaxBalance = Turnover & { readonly balance: number; readonly debt: number; readonly overpayment: number };

export type LedgerSummary = {
  readonly byTaxType: readonly TaxBalance[];
  readonly total: Omit<TaxBalance, 'taxType'>;
  /** The tax types in debt. An overpayment of one tax type does not cover another's debt until it is offset. */
  readonly debts: readonly TaxBalance[];
  readonly hasDebt: boolean;
};

export function balanceOf(t: Turnover): TaxBalance {
  const balance = t.credits - t.debits;
  return { ...t, balance, debt: Math.max(0, -balance), overpayment: Math.max(0, balance) };
}

/** Balances per tax type (sorted by code), their total, and the debts. */
export function summarise(turnovers: readonly Turnover[]): LedgerSummary {
  const merged = new Map<string, { debits: number; credits: number }>();
  for (const t of turnovers) {
    const m = merged.get(t.taxType) ?? { debits: 0, credits: 0 };
    merged.set(t.taxType, { debits: m.debits + t.debits, credits: m.credits + t.credits });
  }
  const byTaxType = [...merged.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([taxType, t]) => balanceOf({ taxType, ...t }));
  const sum = (f: (b: TaxBalance) => number) => byTaxType.reduce((s, b) => s + f(b), 0);
  const debts = byTaxType.filter((b) => b.debt > 0);
  return {
    byTaxType,
    total: {
      debits: sum((b) => b.debits),
      credits: sum((b) => b.credits),
      balance: sum((b) => b.balance),
      debt: sum((b) => b.debt),
      overpayment: sum((b) => b.overpayment),
    },
    debts,
    hasDebt: debts.length > 0,
  };
}

/** An entry as the act and the balance read it. */
export type LedgerLine = {
  readonly seq: number;
  readonly taxType: string;
  readonly kind: EntryKind;
  readonly period: string;
  readonly amount: number;
  readonly valueDate: string;
  readonly documentRef: string;
  /** Set on a reversal: the entry it cancels. */
  readonly reverses: string | null;
};

/** The signed debit and credit of one entry: a reversal cancels its original in the same column. */
export function columnsOf(line: Pick<LedgerLine, 'kind' | 'amount' | 'reverses'>): { debit: number; credit: number } {
  const signed = line.reverses ? -line.amount : line.amount;
  return isDebit(line.kind) ? { debit: signed, credit: 0 } : { debit: 0, credit: signed };
}

/** Turnovers per tax type of some entries (for balances computed from lines rather than in SQL). */
export function turnoversOf(lines: readonly LedgerLine[]): Turnover[] {
  const map = new Map<string, { debits: number; credits: number }>();
  for (const l of lines) {
    const { debit, credit } = columnsOf(l);
    const t = map.get(l.taxType) ?? { debits: 0, credits: 0 };
    map.set(l.taxType, { debits: t.debits + debit, credits: t.credits + credit });
  }
  return [...map.entries()].map(([taxType, t]) => ({ taxType, ...t }));
}

export type ActLine = LedgerLine & { readonly debit: number; readonly credit: number; readonly balance: number };
export type ActSection = {
  readonly taxType: string;
  readonly opening: number;
  readonly lines: readonly ActLine[];
  readonly debits: number;
  readonly credits: number;
  readonly closing: number;
};
export type ReconciliationAct = {
  readonly from: string;
  readonly to: string;
  readonly sections: readonly ActSection[];
  readonly totals: { readonly opening: number; readonly debits: number; readonly credits: number; readonly closing: number };
};

/**
 * 06.06.04: for each tax type with an opening balance or an entry in the period, the balance
 * before `from`, every entry whose value date falls in [from, to] in value-date order with the
 * running balance, and the closing balance at the end of `to`.
 */
export function reconciliationAct(opening: readonly Turnover[], lines: readonly LedgerLine[], from: string, to: string): ReconciliationAct {
  const inPeriod = lines.filter((l) => l.valueDate >= from && l.valueDate <= to).sort((a, b) => a.valueDate.localeCompare(b.valueDate) || a.seq - b.seq);
  const openingByType = new Map(summarise(opening).byTaxType.map((b) => [b.taxType, b.balance]));
  const types = [...new Set([...openingByType.keys(), ...inPeriod.map((l) => l.taxType)])].sort();
  const sections = types.map((taxType): ActSection => {
    const start = openingByType.get(taxType) ?? 0;
    let running = start;
    let debits = 0;
    let credits = 0;
    const actLines = inPeriod
      .filter((l) => l.taxType === taxType)
      .map((l) => {
        const { debit, credit } = columnsOf(l);
        running += credit - debit;
        debits += debit;
        credits += credit;
        return { ...l, debit, credit, balance: running };
      });
    return { taxType, opening: start, lines: actLines, debits, credits, closing: running };
  });
  const sum = (f: (s: ActSection) => number) => sections.reduce((s, x) => s + f(x), 0);
  return {
    from,
    to,
    sections,
    totals: { opening: sum((s) => s.opening), debits: sum((s) => s.debits), credits: sum((s) => s.credits), closing: sum((s) => s.closing) },
  };
}

/** Dirams as somoni for documents: `-1 234,56` (space thousands, comma decimals, as in tg and ru). */
export function formatDirams(dirams: number): string {
  const sign = dirams < 0 ? '-' : '';
  const abs = Math.abs(dirams);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${whole},${pad(abs % 100)}`;
}
