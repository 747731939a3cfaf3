/** The facts of art.402(1) p.2 for one carriage: what the officer states and what the registries say. */
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { type CarriageKind, type EscortFacts, type EscortGround, escortGrounds } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { indicatorsToDirams } from '../domain/guarantees.ts';
import type { StoredEscortFacts } from '../infrastructure/escort.schema.ts';
import { declarationRisk, proposalByDecision } from '../infrastructure/escort.repository.ts';
import { guaranteeByReference, indicatorOn, parametersOn } from '../infrastructure/guarantee.repository.ts';
import type { CustomsDeps } from './deps.ts';
import { guaranteeCover } from './guarantee-cover.ts';

export type CarriageInput = {
  readonly kind: CarriageKind;
  readonly transitNumber?: string;
  readonly declarationNumber?: string;
  /** Art.402(1) p.2 i.2: the goods are foreign goods under customs control. */
  readonly isForeignGoodsUnderControl?: boolean;
};

export type FactsInput = {
  readonly carriage: CarriageInput;
  /** The transit guarantee (customs.guarantees); without it, no guarantee was given. */
  readonly guaranteeReference?: string;
  /** AMB-22: numbers of final decisions on the carrier's administrative liability for transit duties that are not executed. */
  readonly unexecutedDecisions?: readonly string[];
  /** References of import duties and taxes the carrier did not pay in time. */
  readonly overdueDutyReferences?: readonly string[];
  readonly hasExciseGoods?: boolean;
  /** The risk management decision whose measures include escort (received as `risk.lane_decided`); a declaration carried brings its own. */
  readonly riskDecisionId?: string;
};

export type EvaluatedFacts = {
  readonly facts: StoredEscortFacts;
  readonly grounds: EscortGround[];
  /** The RMS decision whose measures were read (named in the input or in force on the declaration). */
  readonly riskDecisionId: string | null;
};

/**
 * IMP-19, CUS-CTL-09: gathers the facts (the guarantee's free cover for transit from the registry,
 * the Article 383 amount from the dated parameter `transit_art383` at the day's calculation
 * indicator, the RMS measures from the decision received) and evaluates the grounds.
 */
export async function evaluateEscortFacts(tx: Db, input: FactsInput, at: Date): Promise<Result<EvaluatedFacts, Failure<EscortErrorCode>>> {
  const c = input.carriage;
  if (!c.transitNumber && !c.declarationNumber) return fail('ESCORT_CARRIAGE_REFERENCE_REQUIRED', 'body.carriage');
  const declared = c.declarationNumber ? await declarationRisk(tx, c.declarationNumber) : undefined;
  if (c.declarationNumber && !declared) return fail('ESCORT_DECLARATION_NOT_FOUND', 'body.carriage.declarationNumber');
  let guaranteeDirams: bigint | null = null;
  if (input.guaranteeReference) {
    const g = await guaranteeByReference(tx, input.guaranteeReference);
    if (!g) return fail('ESCORT_GUARANTEE_NOT_FOUND', 'body.guaranteeReference');
    // A guarantee not accepted, not in force or not covering transit secures nothing here: as if none were given.
    const cover = await guaranteeCover(tx, { reference: g.reference, holderTin: g.holderTin, purpose: 'transit', at });
    guaranteeDirams = cover > 0n ? cover : null;
  }
  // The RMS signal: the decision in force on the declaration carried, or a decision received with the escort measure.
  let riskMeasures = declared?.measures ?? [];
  let riskDecisionId = declared?.decisionId ?? null;
  if (input.riskDecisionId && input.riskDecisionId !== declared?.decisionId) {
    const proposal = await proposalByDecision(tx, input.riskDecisionId);
    if (!proposal) return fail('ESCORT_RISK_DECISION_UNKNOWN', 'body.riskDecisionId');
    riskMeasures = proposal.measures;
    riskDecisionId = proposal.decisionId;
  }
  const day = dushanbeDate(at);
  const art383 = (await parametersOn(tx, day)).transit_art383;
  const indicator = await indicatorOn(tx, day);
  const art383Dirams = art383 !== undefined && indicator !== undefined ? indicatorsToDirams(art383, indicator) : null;
  const facts: EscortFacts = {
    carriage: c.kind,
    guaranteeDirams,
    art383Dirams,
    unexecutedDecisions: input.unexecutedDecisions?.length ?? 0,
    hasOverdueImportDuties: (input.overdueDutyReferences?.length ?? 0) > 0,
    hasExciseGoods: input.hasExciseGoods === true,
    riskMeasures,
    isForeignGoodsUnderControl: c.isForeignGoodsUnderControl === true,
  };
  return ok({
    riskDecisionId,
    grounds: escortGrounds(facts),
    facts: {
      carriage: c.kind,
      guaranteeDirams: guaranteeDirams?.toString() ?? null,
      art383Dirams: art383Dirams?.toString() ?? null,
      unexecutedDecisions: [...(input.unexecutedDecisions ?? [])],
      overdueDutyReferences: [...(input.overdueDutyReferences ?? [])],
      hasExciseGoods: facts.hasExciseGoods,
      riskMeasures,
      isForeignGoodsUnderControl: facts.isForeignGoodsUnderControl,
    },
  });
}

/** The grounds that hold for a carriage, without deciding anything (the system's proposal, CUS-CTL-09). */
export const proposeEscortGrounds = (deps: CustomsDeps, input: FactsInput) =>
  transact(deps.database.db, (tx) => evaluateEscortFacts(tx, input, deps.clock.now()));
