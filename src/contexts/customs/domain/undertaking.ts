/**
 * The declarant's undertaking to file the goods declaration within a period (art.150 as amended by
 * item 30 of the draft; CUS-REL-08, AMB-18): electronic or written, for a period of "no more than"
 * a limit. Accepted, the goods are released before the declaration and the period runs from the
 * release; filing the declaration fulfils it; an unfulfilled one past its due time is overdue.
 * Pure: no I/O, no clock.
 */

export const UNDERTAKING_STATES = ['GIVEN', 'ACCEPTED', 'REFUSED', 'OVERDUE', 'FULFILLED'] as const;
export type UndertakingState = (typeof UNDERTAKING_STATES)[number];

/** Catalog-style transitions: who may move an undertaking from which state. */
export const UNDERTAKING_MOVES = {
  accept: ['GIVEN'],
  refuse: ['GIVEN'],
  fulfil: ['ACCEPTED', 'OVERDUE'],
  flagOverdue: ['ACCEPTED'],
} as const satisfies Record<string, readonly UndertakingState[]>;

export const mayMove = (state: UndertakingState, move: keyof typeof UNDERTAKING_MOVES): boolean =>
  (UNDERTAKING_MOVES[move] as readonly UndertakingState[]).includes(state);

/**
 * Art.150 p.2 as amended: the period is "no more than" the limit in force on the day the
 * undertaking is given (whole calendar days, at least one). Answers the excess, or 0.
 */
export function periodExcess(periodDays: number, maxDays: number): number {
  return periodDays > maxDays ? periodDays - maxDays : 0;
}

/** Whether the undertaking covers these goods: the same transport document, or one of its commodity codes (a prefix). */
export function undertakingCovers(
  u: { readonly transportDocument: { readonly typeCode: string; readonly number: string } | null; readonly commodityCodes: readonly string[] },
  goods: { readonly documents: readonly { readonly typeCode: string; readonly number: string }[]; readonly commodityCodes: readonly string[] },
): boolean {
  const n = (s: string) => s.replace(/\s+/g, '').toUpperCase();
  const doc = u.transportDocument;
  if (doc) return goods.documents.some((d) => n(d.typeCode) === n(doc.typeCode) && n(d.number) === n(doc.number));
  return goods.commodityCodes.some((code) => u.commodityCodes.some((prefix) => code.startsWith(prefix)));
}
