import { asc, eq, and } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { definitionFaults, type FieldRule, type FormKind } from '../domain/form-definition.ts';
import type { FormDefinitionErrorCode } from '../domain/form-definition-errors.ts';
import { type HistoryRefusal, isIsoDate } from '../domain/history.ts';
import { type FormDefinitionRow, formDefinitions } from '../infrastructure/form-definition.schema.ts';
import { FORM_FIELDS } from '../infrastructure/form-definition.schemas.ts';
import { placeDatedVersion } from './dated-versions.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

export type PublishInput = {
  readonly kind: FormKind;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly name: Localised;
  readonly legalBasis: string;
  readonly rules: readonly FieldRule[];
};

const DATE_REFUSALS: Readonly<Record<HistoryRefusal, FormDefinitionErrorCode>> = {
  REFERENCE_DATES_INVALID: 'FORM_DEFINITION_DATES_INVALID',
  REFERENCE_PAST_DATED: 'FORM_DEFINITION_PAST_DATED',
  REFERENCE_OVERLAP: 'FORM_DEFINITION_OVERLAP',
};

/**
 * Art.124 p.7, p.10, p.13, art.362 p.1 (CUS-DEC-07, CUS-REG-10): customs publishes a new version of
 * a form's data set and filling rules, in force from a day no earlier than today; the version in
 * force until then ends the day before. Declarations are judged against the version of their filing
 * day, so one already filed keeps the rules it was filed under. The rules must name fields of the form.
 */
export async function publishFormDefinition(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  input: PublishInput,
): Promise<Result<FormDefinitionRow, Failure<FormDefinitionErrorCode>>> {
  if (!isIsoDate(input.validFrom)) return fail('FORM_DEFINITION_DATES_INVALID', 'body.validFrom');
  if (input.validTo !== undefined && !isIsoDate(input.validTo)) return fail('FORM_DEFINITION_DATES_INVALID', 'body.validTo');
  const faults = definitionFaults(input.rules, FORM_FIELDS[input.kind]);
  if (faults.length > 0) return fail('FORM_DEFINITION_INVALID', `body.${faults[0]?.field}`, { faults });
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    // One publisher of a kind at a time: the version number and the closing of the open version depend on the versions read.
    const placed = await placeDatedVersion(tx, {
      lock: `customs.form_definitions:${input.kind}`,
      versions: () => tx.select().from(formDefinitions).where(eq(formDefinitions.kind, input.kind)).orderBy(asc(formDefinitions.version)),
      span: { validFrom: input.validFrom, validTo: input.validTo ?? null },
      today: dushanbeDate(now),
      hasStoredVersions: true,
      close: (open) =>
        tx
          .update(formDefinitions)
          .set({ validTo: open.validTo })
          .where(and(eq(formDefinitions.kind, input.kind), eq(formDefinitions.validFrom, open.validFrom))),
    });
    if (!placed.ok) return fail(DATE_REFUSALS[placed.error], 'body.validFrom');
    const existing = placed.value.versions;
    const [row] = await tx
      .insert(formDefinitions)
      .values({
        id: uuidv7(now.getTime()),
        kind: input.kind,
        version: Math.max(0, ...existing.map((d) => d.version)) + 1,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        nameTg: input.name.tg,
        nameRu: input.name.ru,
        nameEn: input.name.en,
        legalBasis: input.legalBasis,
        rules: [...input.rules],
        publishedBy: actorOf(actor),
        publishedAt: now,
      })
      .returning();
    const published = row as FormDefinitionRow;
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.form_definition_published',
      entity: 'customs.form_definition',
      entityId: published.id,
      after: {
        kind: published.kind,
        version: published.version,
        validFrom: published.validFrom,
        validTo: published.validTo,
        closed: placed.value.closed ?? null,
      },
    });
    return ok(published);
  });
}
