/**
 * When a declaration may still be changed (art.133) or withdrawn (art.134), from the events of
 * customs control recorded before the request (IMP-18). Pure.
 */
import type { DeclarationData, DeclarationState } from './declaration.ts';
import { PRE_RELEASE_STATES } from './declaration.ts';

export type ControlFact = {
  readonly kind: string;
  readonly at: Date;
  readonly carriesLiability: boolean | null;
};

/** The four acts of customs that close the door to a change under art.133 p.1 (CUS-DEC-43). */
const AMENDMENT_BARRIERS = ['documents_requested', 'examination_notified', 'inspection_decided', 'expertise_ordered'];
/** Art.134 p.7: the acts that bar a withdrawal until their results show no liability (p.8). */
const WITHDRAWAL_BARRIERS = ['examination_notified', 'inspection_decided', 'expertise_ordered'];

export type AmendmentKind = 'data' | 'location_or_typo' | 'completion';

/**
 * Art.133 p.1-4 (CUS-DEC-43, 44, 47; AMB-06): before release a change needs none of the four acts
 * of customs before the request, and must not touch the payments, the prohibitions and restrictions
 * (the codes and categories of the goods) or add goods. A change of the location of the goods or
 * of a typo (p.2) is allowed whatever customs did, under the same limits. Completing an incomplete
 * declaration (art.135 p.2) supplies the data it lacked, so it may change the payments.
 */
export function amendmentBarriers(
  current: DeclarationData,
  next: DeclarationData,
  kind: AmendmentKind,
  events: readonly ControlFact[],
  payments: { readonly before: bigint; readonly after: bigint },
): string[] {
  const reasons: string[] = [];
  if (kind === 'data') for (const e of events) if (AMENDMENT_BARRIERS.includes(e.kind) && !reasons.includes(e.kind)) reasons.push(e.kind);
  if (next.items.length > current.items.length) reasons.push('goods_added');
  const goods = (d: DeclarationData) => d.items.map((i) => `${i.commodityCode}:${[...(i.goodsCategories ?? [])].sort().join(',')}`).join('|');
  if (kind !== 'completion' && goods(next) !== goods(current)) reasons.push('restrictions_affected');
  if (kind !== 'completion' && payments.after !== payments.before) reasons.push('payments_affected');
  for (const key of ['direction', 'regime', 'officeCode', 'declarantCode', 'brokerTin'] as const)
    if (next[key] !== current[key]) reasons.push(`${key}_changed`);
  return reasons;
}

/**
 * Art.134 p.1, 3, 6-8 (CUS-DEC-51, 53, 55-57): foreign goods may be withdrawn before release;
 * exported domestic goods until they actually leave, also after release. Barred by an examination
 * notice, an inspection decision or an expertise order — unless their results found nothing
 * carrying liability — and by any finding that carries liability.
 */
export function withdrawalBarriers(
  state: DeclarationState,
  direction: 'import' | 'export',
  hasExited: boolean,
  events: readonly ControlFact[],
  isSimpleRequest: boolean,
): string[] {
  if (isSimpleRequest) return [];
  const reasons: string[] = [];
  const released = state === 'RELEASED' || state === 'CONDITIONALLY_RELEASED';
  if (released && direction === 'import') reasons.push('already_released');
  if (released && direction === 'export' && hasExited) reasons.push('goods_left_territory');
  if (!released && !PRE_RELEASE_STATES.includes(state)) reasons.push('state_final');
  if (events.some((e) => e.kind === 'violation_found' && e.carriesLiability === true)) reasons.push('violation_with_liability');
  const lastBarrier = Math.max(-1, ...events.filter((e) => WITHDRAWAL_BARRIERS.includes(e.kind)).map((e) => e.at.getTime()));
  const lastResult = Math.max(-1, ...events.filter((e) => e.kind === 'no_violation_found' || e.kind === 'control_completed').map((e) => e.at.getTime()));
  if (lastBarrier >= 0 && lastResult < lastBarrier) reasons.push('control_under_way');
  return reasons;
}
