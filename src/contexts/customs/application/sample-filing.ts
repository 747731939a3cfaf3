import type { Db } from '../../../platform/db.ts';
import type { Reason } from '../domain/declaration-checks.ts';
import { sampleReasons } from '../domain/sample-permissions.ts';
import type { DeclarationRow } from '../infrastructure/declaration.schema.ts';
import type { FilingContext } from './currency-control-filing.ts';
import { grantedSampleLines } from './sample-queries.ts';

/**
 * Art.127 p.1 i.2 (CUS-DEC-18), at filing: a line stated as samples is accepted only when a
 * permission customs granted for this declaration covers its goods and quantity; otherwise it is a
 * reason on ground 6 of art.132 p.4 (an action required before filing was not done).
 */
export async function sampleFilingReasons(tx: Db, row: DeclarationRow, ctx: FilingContext): Promise<Reason[]> {
  if (!row.data.items.some((i) => i.isSample === true)) return [];
  const granted = await grantedSampleLines(tx, row.id);
  return sampleReasons(row.data.items, (code) => ctx.tariffs.get(code)?.unit, granted).map((r) => ({ ground: 6, ...r }));
}
