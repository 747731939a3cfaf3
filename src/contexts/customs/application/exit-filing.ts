import { dushanbeDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import type { Reason } from '../domain/declaration-checks.ts';
import type { DeclarationData, DeclarationForm } from '../domain/declaration.ts';
import { exitFilingReasons } from '../domain/exit.ts';
import { exitExceptionsOn, exitsFor } from './exit-queries.ts';
import { coversFiling } from './undertaking-queries.ts';

/**
 * Art.129 p.3 (CUS-DEC-29), asked by the registration check of declaration-register.ts for every
 * filing, electronic or paper: an export declaration for goods the border office already recorded
 * as gone is refused (reason `goods_already_exited`, ground 6), unless a case of the Code in
 * `customs.exit_filing_exceptions` covers it — periodic declaring, pipeline or power-line transport,
 * or goods released before the declaration on an accepted undertaking of art.150. Imports cost nothing.
 */
export async function goodsExitedReasons(tx: Db, data: DeclarationData, form: DeclarationForm, at: Date): Promise<Reason[]> {
  if (data.direction !== 'export') return [];
  const exits = await exitsFor(tx, data, null);
  if (exits.length === 0) return [];
  const exceptions = await exitExceptionsOn(tx, dushanbeDate(at));
  const hasUndertaking = exceptions.some((e) => e.needsUndertaking) && (await coversFiling(tx, data));
  return exitFilingReasons(data, form, at, exits, exceptions, hasUndertaking);
}
