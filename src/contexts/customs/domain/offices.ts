/** Which customs offices may accept a filing (art.125): pure, over the offices in force on the day. */

export type OfficePowers = {
  readonly code: string;
  readonly declarationKinds: readonly string[];
  readonly regimes: readonly string[];
  readonly transportModes: readonly string[];
  readonly goodsAssignments: readonly string[];
};

export type Filing = {
  readonly declarationKind: string;
  readonly regime: string;
  readonly transportMode: string;
  /** Art.125 p.2 categories of the goods declared (cultural valuables, weapons …), if any. */
  readonly goodsCategories: readonly string[];
};

/**
 * CUS-DEC-12: any office competent for the declaration, regime and transport mode may accept it;
 * CUS-DEC-13: but goods of a category that the authorised body assigned to specific offices go
 * only to those offices (art.125 p.2). An empty answer means the filing must be refused.
 */
export function competentOffices<O extends OfficePowers>(offices: readonly O[], filing: Filing): O[] {
  const assigned = new Set(offices.flatMap((o) => o.goodsAssignments));
  const restricted = filing.goodsCategories.filter((c) => assigned.has(c));
  return offices.filter(
    (o) =>
      o.declarationKinds.includes(filing.declarationKind) &&
      o.regimes.includes(filing.regime) &&
      o.transportModes.includes(filing.transportMode) &&
      restricted.every((c) => o.goodsAssignments.includes(c)),
  );
}
