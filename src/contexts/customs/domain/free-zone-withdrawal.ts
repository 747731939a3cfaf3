/**
 * Withdrawal of an export declaration of domestic goods to complete a free customs zone or free
 * warehouse regime (art.134 p.5; CUS-DEC-54). Pure: no I/O, no clock.
 *
 * (1) Goods still in the free economic zone or the free warehouse: withdrawn also after release.
 * (2) Goods outside the zone or warehouse that have not actually left the customs territory: only
 *     with a declaration placing them under another regime (art.272, 277) filed at the same time —
 *     read as: registered on the same day by the same declarant, for a regime other than export,
 *     covering the same commodity codes, and not ended.
 */
import type { IsoDate } from './history.ts';
import type { DeclarationState, Direction } from './declaration.ts';

export const FREE_ZONE_LOCATIONS = ['inside', 'outside'] as const;
export type FreeZoneLocation = (typeof FREE_ZONE_LOCATIONS)[number];
export const FREE_ZONE_PLACE_KINDS = ['free_economic_zone', 'free_warehouse'] as const;
export type FreeZonePlaceKind = (typeof FREE_ZONE_PLACE_KINDS)[number];

/** States in which a declaration is no longer (or not yet) a filed, living declaration. */
const NOT_FILED: readonly DeclarationState[] = ['DRAFT', 'NOT_ACCEPTED', 'WITHDRAWN', 'RELEASE_REFUSED', 'RELEASE_ANNULLED'];

export type WithdrawnFacts = {
  readonly direction: Direction;
  readonly regime: string;
  readonly state: DeclarationState;
  readonly declarantCode: string;
  readonly commodityCodes: readonly string[];
  /** The border office recorded the goods' exit (art.134 p.3). */
  readonly hasExited: boolean;
};

export type OtherDeclarationFacts = {
  readonly id: string;
  readonly declarantCode: string;
  readonly regime: string;
  readonly state: DeclarationState;
  /** Dushanbe day of registration; null for a draft. */
  readonly registeredOn: IsoDate | null;
  readonly commodityCodes: readonly string[];
};

export type FreeZoneStatement = {
  readonly location: FreeZoneLocation;
  /** Whether the free warehouse named is a registered regime place (a free economic zone is named as given). */
  readonly isPlaceKnown: boolean;
  /** The declaration under another regime, when a number was given and found. */
  readonly other: OtherDeclarationFacts | undefined;
  readonly isOtherGiven: boolean;
  /** The other declaration already stands behind another declaration's free-zone withdrawal. */
  readonly isOtherUsedElsewhere: boolean;
  readonly otherWithdrawnId: string;
};

/** Every reason the withdrawal of art.134 p.5 is not open, at once; empty when it is. */
export function freeZoneWithdrawalReasons(withdrawn: WithdrawnFacts, s: FreeZoneStatement, today: IsoDate): string[] {
  const reasons: string[] = [];
  if (withdrawn.direction !== 'export' || withdrawn.regime !== 'export') reasons.push('not_export_of_domestic_goods');
  if (NOT_FILED.includes(withdrawn.state)) reasons.push('state_final');
  if (withdrawn.hasExited) reasons.push('goods_left_territory');
  if (!s.isPlaceKnown) reasons.push('place_unknown');
  if (s.location === 'inside') {
    if (s.isOtherGiven) reasons.push('other_declaration_not_expected');
    return reasons;
  }
  const other = s.other;
  // Another declarant's declaration answers as a missing one: the number tells nothing about others.
  if (!s.isOtherGiven || !other || other.declarantCode !== withdrawn.declarantCode || other.id === s.otherWithdrawnId) {
    reasons.push('other_declaration_missing');
    return reasons;
  }
  if (NOT_FILED.includes(other.state) || other.registeredOn === null) reasons.push('other_declaration_not_filed');
  else if (other.registeredOn !== today) reasons.push('other_declaration_not_simultaneous');
  if (other.regime === 'export') reasons.push('other_declaration_same_regime');
  if (s.isOtherUsedElsewhere) reasons.push('other_declaration_already_used');
  if (!withdrawn.commodityCodes.every((c) => other.commodityCodes.includes(c))) reasons.push('other_declaration_other_goods');
  return reasons;
}
