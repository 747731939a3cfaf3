import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { FinanceErrorCode } from '../domain/finance-errors.ts';
import { availableDirams, fromHundredths, type GeneralActivity, indicatorsToDirams, statutoryMinimum, toHundredths } from '../domain/guarantees.ts';
import {
  drawnTotal,
  type GuaranteeFilter,
  type GuaranteeUseRow,
  guaranteeByReference,
  indicatorOn,
  listGuaranteeRows,
  parametersOn,
  usesOf,
} from '../infrastructure/guarantee.repository.ts';
import type { GuaranteeRow } from '../infrastructure/guarantee.schema.ts';
import type { CustomsDeps } from './deps.ts';

export type GuaranteeDetail = GuaranteeRow & { readonly availableDirams: bigint; readonly uses: readonly GuaranteeUseRow[] };

/** A declarant sees only its own guarantees: another's reads as not found. */
const isVisible = (viewer: AccountPrincipal, g: GuaranteeRow) => viewer.role === 'customs_officer' || viewer.tin === g.holderTin;

/** One guarantee with its uses and the amount still free. */
export async function getGuarantee(
  deps: CustomsDeps,
  viewer: AccountPrincipal,
  reference: string,
): Promise<Result<GuaranteeDetail, Failure<FinanceErrorCode>>> {
  const db = deps.database.db;
  const g = await guaranteeByReference(db, reference);
  if (!g || !isVisible(viewer, g)) return fail('GUARANTEE_NOT_FOUND', 'params.reference');
  return ok({ ...g, availableDirams: availableDirams(g.amountDirams, await drawnTotal(db, g.id)), uses: await usesOf(db, g.id) });
}

/** A page of guarantees, newest first; a declarant's list is its own. */
export function listGuarantees(deps: CustomsDeps, viewer: AccountPrincipal, filter: GuaranteeFilter): Promise<GuaranteeRow[]> {
  const holderTin = viewer.role === 'customs_officer' ? filter.holderTin : (viewer.tin ?? '-');
  return listGuaranteeRows(deps.database.db, { ...filter, holderTin });
}

export type Minimum = {
  readonly date: string;
  readonly indicators: string | null;
  readonly indicatorValueDirams: bigint;
  readonly amountDirams: bigint | null;
};

/**
 * CUS-GUA-01, 05, 09, AMB-16, AMB-17: the statutory minimum of an activity's guarantee on a day,
 * in indicators and in dirams at that day's indicator value (null: the law sets none).
 */
export async function guaranteeMinimum(
  deps: CustomsDeps,
  query: {
    readonly activity: GeneralActivity;
    readonly date?: string;
    readonly warehouseType?: 'open' | 'closed';
    readonly openSiteM2?: string;
    readonly buildingM3?: string;
  },
): Promise<Result<Minimum, Failure<FinanceErrorCode>>> {
  const db = deps.database.db;
  const date = query.date ?? dushanbeDate(deps.clock.now());
  const area = toHundredths(query.openSiteM2 ?? '0');
  const volume = toHundredths(query.buildingM3 ?? '0');
  if (area === undefined || volume === undefined) return fail('GUARANTEE_WAREHOUSE_FACTS_REQUIRED', 'querystring.openSiteM2');
  const indicator = await indicatorOn(db, date);
  if (indicator === undefined) return fail('GUARANTEE_INDICATOR_MISSING', 'querystring.date', { date });
  const facts = { warehouseType: query.warehouseType ?? 'closed', openSiteM2: area, buildingM3: volume };
  const minimum = statutoryMinimum(query.activity, await parametersOn(db, date), facts);
  if (!minimum.ok) return fail(minimum.problem, 'querystring.activity');
  const h = minimum.hundredths;
  return ok({
    date,
    indicators: h === undefined ? null : fromHundredths(h),
    indicatorValueDirams: indicator,
    amountDirams: h === undefined ? null : indicatorsToDirams(h, indicator),
  });
}
