import { asc, eq } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { type FormKind, type FormViolation, formViolations } from '../domain/form-definition.ts';
import type { FormDefinitionErrorCode } from '../domain/form-definition-errors.ts';
import { isIsoDate } from '../domain/history.ts';
import { type FormDefinitionRow, formDefinitions } from '../infrastructure/form-definition.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { definitionOn } from './form-definition-store.ts';

type Refusal = Failure<FormDefinitionErrorCode>;

/** Every version of every form (or of one kind), oldest first: what was in force when (CUS-DEC-07). */
export async function listFormDefinitions(deps: CustomsDeps, kind: FormKind | undefined): Promise<FormDefinitionRow[]> {
  const query = deps.database.db.select().from(formDefinitions);
  return (kind ? query.where(eq(formDefinitions.kind, kind)) : query).orderBy(asc(formDefinitions.kind), asc(formDefinitions.version));
}

/** The version of a form in force on a day (default today in Dushanbe). */
export async function formDefinitionOn(
  deps: CustomsDeps,
  kind: FormKind,
  date: string | undefined,
  dateField = 'query.date',
): Promise<Result<FormDefinitionRow, Refusal>> {
  const day = date ?? dushanbeDate(deps.clock.now());
  if (!isIsoDate(day)) return fail('FORM_DEFINITION_DATES_INVALID', dateField);
  const row = await definitionOn(deps.database.db, kind, day);
  return row ? ok(row) : fail('FORM_DEFINITION_NOT_FOUND', 'params.kind', { kind, date: day });
}

/**
 * Art.124 p.13 and the others: a filled-in form checked against the definition in force on a day,
 * without filing it: every broken rule with its field. The form of a case the Code does not
 * regulate is checked only this way; the declarant can check any form before filing it.
 */
export async function checkAgainstDefinition(
  deps: CustomsDeps,
  kind: FormKind,
  input: { readonly date?: string; readonly document: unknown },
): Promise<Result<{ kind: FormKind; version: number; violations: FormViolation[] }, Refusal>> {
  const found = await formDefinitionOn(deps, kind, input.date, 'body.date');
  if (!found.ok) return found;
  return ok({ kind, version: found.value.version, violations: formViolations(found.value.rules, input.document) });
}
