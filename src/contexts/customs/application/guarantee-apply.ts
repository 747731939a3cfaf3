import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { FinanceErrorCode } from '../domain/finance-errors.ts';
import {
  type DocumentKind,
  fromHundredths,
  GENERAL_COVERAGE,
  type GeneralActivity,
  type GuaranteeForm,
  type GuaranteePurpose,
  type GuaranteeScope,
  indicatorsToDirams,
  needsInsurancePolicy,
  statutoryMinimum,
  toHundredths,
  type WarehouseFacts,
} from '../domain/guarantees.ts';
import { indicatorOn, insertGuarantee, nextGuaranteeReference, parametersOn } from '../infrastructure/guarantee.repository.ts';
import type { GuaranteeRow, StoredDocument } from '../infrastructure/guarantee.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { sha256Hex } from '../../../platform/bytes.ts';

export type GuaranteeApplication = {
  readonly scope: GuaranteeScope;
  readonly activity?: GeneralActivity;
  /** What a guarantee per declaration or regime secures: the declaration number, permit or warehouse. */
  readonly securedReference?: string;
  /** The coverage asked for; a general guarantee defaults to what its activity covers. */
  readonly purposes?: readonly GuaranteePurpose[];
  readonly form: GuaranteeForm;
  /** The amount in calculation indicators (decimal, up to 2 places) or in dirams; a general guarantee defaults to its minimum. */
  readonly amountIndicators?: string;
  readonly amountDirams?: bigint;
  readonly warehouse?: { readonly warehouseType: 'open' | 'closed'; readonly openSiteM2?: string; readonly buildingM3?: string };
  readonly validFrom: string;
  readonly validTo: string;
  /** Art.388 p.4-5: the application's documents, in electronic form. */
  readonly documents: readonly { readonly kind: DocumentKind; readonly name: string; readonly contentBase64: string }[];
};

type Refusal = Failure<FinanceErrorCode>;
const ACTIVITY_PURPOSES: readonly GuaranteePurpose[] = ['customs_broker', 'customs_warehouse_owner', 'duty_free_shop_owner', 'aeo'];

/** Scope, activity, secured reference and coverage fit together (art.382 p.1 i.4). */
function coverage(input: GuaranteeApplication): Result<readonly GuaranteePurpose[], Refusal> {
  if (input.scope === 'general') {
    if (!input.activity || input.securedReference) return fail('GUARANTEE_SCOPE_INVALID', 'body.activity');
    const allowed = GENERAL_COVERAGE[input.activity];
    const asked = input.purposes ?? allowed;
    return asked.every((p) => allowed.includes(p)) ? ok(asked) : fail('GUARANTEE_PURPOSE_NOT_COVERED', 'body.purposes', { allowed });
  }
  if (input.activity || !input.securedReference) return fail('GUARANTEE_SCOPE_INVALID', 'body.securedReference');
  const asked = input.purposes ?? [];
  if (asked.length === 0 || asked.some((p) => ACTIVITY_PURPOSES.includes(p))) return fail('GUARANTEE_PURPOSE_NOT_COVERED', 'body.purposes');
  return ok(asked);
}

function warehouseFacts(input: GuaranteeApplication): Result<WarehouseFacts | undefined, Refusal> {
  if (input.activity !== 'customs_warehouse_owner') return ok(undefined);
  const w = input.warehouse;
  const area = toHundredths(w?.openSiteM2 ?? '0');
  const volume = toHundredths(w?.buildingM3 ?? '0');
  if (!w || area === undefined || volume === undefined) return fail('GUARANTEE_WAREHOUSE_FACTS_REQUIRED', 'body.warehouse');
  const facts = { warehouseType: w.warehouseType, openSiteM2: area, buildingM3: volume };
  const kinds = input.documents.map((d) => d.kind);
  if (needsInsurancePolicy(facts) && !kinds.includes('insurance_policy')) return fail('GUARANTEE_INSURANCE_REQUIRED', 'body.documents');
  return ok(facts);
}

const digest = (d: GuaranteeApplication['documents'][number]): StoredDocument => ({
  kind: d.kind,
  name: d.name,
  sha256: sha256Hex(Buffer.from(d.contentBase64, 'base64')),
});

/**
 * CUS-GUA-14, IMP-11: a holder applies electronically for a guarantee with its documents in
 * electronic form (art.388 p.4-5). The amount is fixed in calculation indicators and in dirams at
 * the indicator value of the day it is given (AMB-17); an activity's guarantee must reach its
 * statutory minimum (CUS-GUA-01/02/05/09), and an open-type warehouse needs its insurance policy
 * (CUS-GUA-06). The application waits for a customs officer's decision.
 */
export async function applyForGuarantee(deps: CustomsDeps, actor: AccountPrincipal, input: GuaranteeApplication): Promise<Result<GuaranteeRow, Refusal>> {
  if (!actor.tin) return fail('GUARANTEE_SCOPE_INVALID', 'holderTin');
  const purposes = coverage(input);
  if (!purposes.ok) return purposes;
  const kinds = input.documents.map((d) => d.kind);
  if (!kinds.includes('application') || !kinds.includes('guarantee_instrument')) return fail('GUARANTEE_DOCUMENTS_REQUIRED', 'body.documents');
  const facts = warehouseFacts(input);
  if (!facts.ok) return facts;
  const now = deps.clock.now();
  const today = dushanbeDate(now);
  if (input.validTo < input.validFrom || input.validTo < today) return fail('GUARANTEE_DATES_INVALID', 'body.validTo');
  const holderTin = actor.tin;

  return transact(deps.database.db, async (tx) => {
    const indicator = await indicatorOn(tx, today);
    if (indicator === undefined) return fail('GUARANTEE_INDICATOR_MISSING', 'body.amountIndicators', { date: today });
    const minimum = input.activity
      ? statutoryMinimum(input.activity, await parametersOn(tx, today), facts.value)
      : { ok: true as const, hundredths: undefined };
    if (!minimum.ok) return fail(minimum.problem, minimum.problem === 'GUARANTEE_PARAMETER_MISSING' ? 'body.activity' : 'body.warehouse');
    const given = input.amountIndicators !== undefined ? toHundredths(input.amountIndicators) : undefined;
    // An amount in money is turned into indicators rounding down, so the indicators never overstate it.
    const indicators = given ?? (input.amountDirams !== undefined ? (input.amountDirams * 100n) / indicator : minimum.hundredths);
    if (indicators === undefined || indicators <= 0n) return fail('GUARANTEE_BELOW_MINIMUM', 'body.amountIndicators');
    if (minimum.hundredths !== undefined && indicators < minimum.hundredths) {
      return fail('GUARANTEE_BELOW_MINIMUM', 'body.amountIndicators', { requiredIndicators: fromHundredths(minimum.hundredths) });
    }
    const row = {
      id: uuidv7(now.getTime()),
      reference: await nextGuaranteeReference(tx, today.slice(0, 4)),
      holderTin,
      scope: input.scope,
      activity: input.activity ?? null,
      securedReference: input.securedReference ?? null,
      purposes: [...purposes.value],
      form: input.form,
      warehouseType: facts.value?.warehouseType ?? null,
      openSiteM2: facts.value ? fromHundredths(facts.value.openSiteM2) : null,
      buildingM3: facts.value ? fromHundredths(facts.value.buildingM3) : null,
      amountIndicators: fromHundredths(indicators),
      requiredIndicators: minimum.hundredths === undefined ? null : fromHundredths(minimum.hundredths),
      indicatorValueDirams: indicator,
      indicatorDate: today,
      amountDirams: input.amountDirams ?? indicatorsToDirams(indicators, indicator),
      validFrom: input.validFrom,
      validTo: input.validTo,
      status: 'applied' as const,
      documents: input.documents.map(digest),
      appliedBy: actorOf(actor),
      appliedAt: now,
      decidedBy: null,
      decidedAt: null,
      decisionForm: null,
      decisionReason: null,
    };
    await insertGuarantee(tx, row);
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.guarantee_applied',
      entity: 'customs.guarantees',
      entityId: row.reference,
      after: { ...row, indicatorValueDirams: indicator.toString(), amountDirams: row.amountDirams.toString() },
    });
    return ok(row);
  });
}
