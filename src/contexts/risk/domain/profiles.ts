/**
 * A risk profile's content and its approval workflow (art.428 i.4-5, i.7, i.12-13, art.429(2) p.2;
 * CUS-RMS-02, 04-07, 09, 14-16, 21; docs/risk.md). Pure: the day and the actors come in as values.
 */
import type { Localised } from '../../../platform/i18n.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from './errors.ts';
import { isRealDay } from './period.ts';
import { checkIndicator, objectsOf } from './indicator-check.ts';
import type { Indicator, Lane, Measure, ObjectOfAnalysis, RiskCategory, RiskKind, SubjectKind } from './model.ts';

/**
 * The states of a profile version:
 * - `draft`: being written; the only state in which it changes;
 * - `approved`: approved by a risk analyst other than its author (four eyes), not yet applied;
 * - `active`: applied to every subject of its kinds on the days of its validity period;
 * - `retired`: no longer applied, kept for the decisions that name it.
 */
export const PROFILE_STATES = ['draft', 'approved', 'active', 'retired'] as const;
export type ProfileState = (typeof PROFILE_STATES)[number];

/** What a risk analyst writes (art.428 i.5: the area of risk, the indicators and the measures). */
export type ProfileInput = {
  readonly area: Localised;
  readonly categories: readonly RiskCategory[];
  readonly kind: RiskKind;
  readonly indicator: unknown;
  readonly subjects: readonly SubjectKind[];
  readonly lane: Exclude<Lane, 'green'>;
  readonly selectionPercent: number;
  readonly measures: readonly Measure[];
  readonly level: number;
  /** YYYY-MM-DD, Dushanbe days, both inclusive. */
  readonly validFrom: string;
  readonly validTo: string;
};

/** The checked content of a version: the indicator typed and the objects of analysis it reads (CUS-RMS-16). */
export type ProfileContent = Omit<ProfileInput, 'indicator'> & { readonly indicator: Indicator; readonly objects: readonly ObjectOfAnalysis[] };

type Refusal = Failure<RiskErrorCode>;
const isDay = isRealDay;
const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/**
 * Checks what an analyst wrote: the indicator (every fault at once, a price table that does not
 * exist among them: it would never match) and the validity period.
 */
export function checkProfileInput(input: ProfileInput, priceTables?: ReadonlySet<string>): Result<ProfileContent, Refusal> {
  const indicator = checkIndicator(input.indicator, { tables: priceTables });
  if (!indicator.ok) return fail('RISK_INDICATOR_INVALID', 'body.indicator', { problems: indicator.error });
  if (!isDay(input.validFrom)) return fail('RISK_VALIDITY_INVALID', 'body.validFrom');
  if (!isDay(input.validTo) || input.validTo < input.validFrom) return fail('RISK_VALIDITY_INVALID', 'body.validTo');
  return ok({
    ...input,
    categories: unique(input.categories),
    subjects: unique(input.subjects),
    measures: unique(input.measures),
    indicator: indicator.value,
    objects: objectsOf(indicator.value),
  });
}

/** Whether a version's validity period covers the day (art.429(2) p.2: outside it the profile is not applied). */
export const isInForce = (v: { readonly validFrom: string; readonly validTo: string }, day: string): boolean => v.validFrom <= day && day <= v.validTo;

type VersionFacts = { readonly state: ProfileState; readonly createdBy: string; readonly validFrom: string; readonly validTo: string };

/** Draft → approved, by a risk analyst who is not the version's author (four eyes, CUS-RMS-21). */
export function checkApproval(v: VersionFacts, approver: string): Result<void, Refusal> {
  if (v.state !== 'draft') return fail('RISK_PROFILE_STATE_INVALID', 'params.version', { state: v.state });
  if (v.createdBy === approver) return fail('RISK_APPROVER_IS_AUTHOR', 'params.version');
  return ok(undefined);
}

/** Approved → active, only on a day of its validity period. */
export function checkActivation(v: VersionFacts, day: string): Result<void, Refusal> {
  if (v.state !== 'approved') return fail('RISK_PROFILE_STATE_INVALID', 'params.version', { state: v.state });
  if (!isInForce(v, day)) return fail('RISK_PROFILE_OUTSIDE_VALIDITY', 'params.version', { validFrom: v.validFrom, validTo: v.validTo, today: day });
  return ok(undefined);
}

/** Approved or active → retired; a draft is simply edited or left. */
export function checkRetirement(v: VersionFacts): Result<void, Refusal> {
  if (v.state !== 'approved' && v.state !== 'active') return fail('RISK_PROFILE_STATE_INVALID', 'params.version', { state: v.state });
  return ok(undefined);
}

/** Editing: a draft changes in place; an approved, active or retired version is kept and a new draft version is made. */
export const editsInPlace = (latest: { readonly state: ProfileState }): boolean => latest.state === 'draft';
