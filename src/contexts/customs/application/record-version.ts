import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ReferenceErrorCode } from '../domain/errors.ts';
import { parseVersion } from '../domain/parse.ts';
import type { TableSpec } from '../domain/tables.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { type ReferenceVersion, versionsOf } from './reference-store.ts';
import { writeVersions } from './write-versions.ts';

/**
 * Enters a new version of one reference row (IMP-07): the open version of the same code is closed
 * the day before; an overlap or a change dated before today is refused (CUS-DEC-72).
 */
export async function recordVersion(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  spec: TableSpec,
  input: Readonly<Record<string, unknown>>,
): Promise<Result<ReferenceVersion[], Failure<ReferenceErrorCode>>> {
  const parsed = parseVersion(spec, input);
  if (!parsed.ok) {
    const [first] = parsed.error;
    return fail(first?.code ?? 'REFERENCE_VALUE_INVALID', `body.${first?.field}`, { problems: parsed.error });
  }
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const written = await writeVersions(tx, spec, [{ line: 0, version: parsed.value }], dushanbeDate(now));
    if (!written.ok) {
      const [first] = written.error;
      return fail(first?.code ?? 'REFERENCE_VALUE_INVALID', `body.${first?.field}`);
    }
    const key = parsed.value.key;
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.reference_version_recorded',
      entity: `customs.${spec.name}`,
      entityId: key.join('/') || spec.name,
      after: { ...parsed.value.values, ...parsed.value.span },
    });
    return ok(await versionsOf(tx, spec, key));
  });
}
