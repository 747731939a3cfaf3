import type { Db } from '../../../platform/db.ts';
import { type AfterReleaseMode, type AfterReleaseVerdict, afterReleaseVerdict } from '../domain/after-release.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { caseInForce } from './after-release-cases.ts';

/**
 * Art.133 p.8 (CUS-DEC-50): the reasons a change after release is not allowed under the case it
 * names (the authorised body's list in force on the day): no case, an unknown case, a case that
 * does not allow this way of changing, fields the case does not open. In the caller's transaction.
 */
export async function afterReleaseCheck(
  tx: Db,
  c: {
    readonly caseCode: string | undefined;
    readonly mode: AfterReleaseMode;
    readonly before: DeclarationData;
    readonly after: DeclarationData;
    readonly day: string;
  },
): Promise<AfterReleaseVerdict> {
  const found = c.caseCode === undefined ? undefined : await caseInForce(tx, c.caseCode, c.day);
  return afterReleaseVerdict(c.caseCode, found, c.mode, c.before, c.after);
}
