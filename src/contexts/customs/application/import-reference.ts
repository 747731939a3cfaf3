import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { parseCsv } from '../../../platform/csv.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { csvLineInput, parseVersion } from '../domain/parse.ts';
import type { TableSpec } from '../domain/tables.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { type LineProblem, type NumberedVersion, writeVersions } from './write-versions.ts';

/**
 * Imports versions of one table from CSV (header row of column names, lists separated by `;`):
 * all lines or none. Every bad line is reported with its number (the header is line 1), field
 * and code in `details.problems`.
 */
export async function importReference(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  spec: TableSpec,
  csv: string,
): Promise<Result<{ readonly imported: number }, Failure<'REFERENCE_IMPORT_INVALID'>>> {
  const refuse = (problems: readonly LineProblem[]) => fail('REFERENCE_IMPORT_INVALID', 'body.csv', { problems });
  let lines: Record<string, string>[];
  try {
    lines = parseCsv(csv);
  } catch {
    return refuse([{ line: 0, field: 'csv', code: 'REFERENCE_VALUE_INVALID' }]);
  }
  if (lines.length === 0) return refuse([{ line: 0, field: 'csv', code: 'REFERENCE_VALUE_INVALID' }]);
  const problems: LineProblem[] = [];
  const items: NumberedVersion[] = [];
  lines.forEach((record, i) => {
    const line = i + 2;
    const { input, problems: columns } = csvLineInput(spec, record);
    const parsed = parseVersion(spec, input);
    for (const p of [...columns, ...(parsed.ok ? [] : parsed.error)]) problems.push({ line, ...p });
    if (parsed.ok && columns.length === 0) items.push({ line, version: parsed.value });
  });
  if (problems.length > 0) return refuse(problems);
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const written = await writeVersions(tx, spec, items, dushanbeDate(now));
    if (!written.ok) return refuse(written.error);
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.reference_imported',
      entity: `customs.${spec.name}`,
      entityId: spec.name,
      after: { imported: items.length },
    });
    return ok({ imported: items.length });
  });
}
