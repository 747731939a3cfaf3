import type { Db } from '../../../platform/db.ts';
import type { Reason } from '../domain/declaration-checks.ts';
import { DOMESTIC_EXPORT_REGIMES } from '../domain/simplified.ts';
import type { DeclarationRow } from '../infrastructure/declaration.schema.ts';
import type { FilingContext } from './currency-control-filing.ts';
import { grantCovering } from './simplified-queries.ts';

/**
 * Art.137 p.1 (CUS-DEC-75), at filing: an incomplete declaration (art.135) of exported domestic
 * goods is the simplified procedure, which applies at the declarant's request: a granted request
 * must cover its office, every code and the filing day, or it is a reason on ground 3 of art.132
 * p.4 (the form of declaring not respected). (Periodic export is covered when its art.136
 * application is permitted: simplified-decide.ts.)
 */
export async function simplifiedFilingReasons(tx: Db, row: DeclarationRow, ctx: FilingContext): Promise<Reason[]> {
  if (row.form !== 'incomplete' || row.direction !== 'export' || !DOMESTIC_EXPORT_REGIMES.includes(row.regime)) return [];
  const codes = [...new Set(row.data.items.map((i) => i.commodityCode))];
  const grant = await grantCovering(tx, row.declarantCode, {
    procedure: 'incomplete',
    officeCode: row.officeCode,
    commodityCodes: codes,
    validFrom: ctx.day,
    validTo: ctx.day,
  });
  return grant ? [] : [{ ground: 3, code: 'simplified_procedure_not_granted', field: 'form' }];
}
