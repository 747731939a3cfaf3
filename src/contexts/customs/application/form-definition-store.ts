/**
 * The form definition in force on a day, and the check that runs at filing (art.124 p.7, p.10;
 * CUS-DEC-07): the declaration is judged against the definition of its channel in force on the
 * filing day, and every rule it breaks is one more reason under ground 4 of art.132 p.4.
 */
import { and, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { IsoDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import type { Channel, DeclarationData } from '../domain/declaration.ts';
import type { Reason } from '../domain/declaration-checks.ts';
import { type FormKind, formViolations } from '../domain/form-definition.ts';
import { type FormDefinitionRow, formDefinitions } from '../infrastructure/form-definition.schema.ts';

/** The version of a form in force on `day` (the latest published when two start the same day cannot happen: versions never overlap). */
export async function definitionOn(db: Db, kind: FormKind, day: IsoDate): Promise<FormDefinitionRow | undefined> {
  const [row] = await db
    .select()
    .from(formDefinitions)
    .where(and(eq(formDefinitions.kind, kind), lte(formDefinitions.validFrom, day), or(isNull(formDefinitions.validTo), gte(formDefinitions.validTo, day))))
    .orderBy(desc(formDefinitions.version))
    .limit(1);
  return row;
}

/**
 * The filing hook (declaration-register.ts, both channels): adds to `reasons` every rule of the
 * definition in force on `day` that the data break (the paper definition for a paper declaration,
 * art.124 p.10), keeping the reasons in the order of the grounds. No definition in force: nothing to add.
 */
export async function addFormDefinitionReasons(tx: Db, reasons: Reason[], channel: Channel, data: DeclarationData, day: IsoDate): Promise<void> {
  const definition = await definitionOn(tx, channel === 'paper' ? 'paper_declaration' : 'goods_declaration', day);
  if (!definition) return;
  reasons.push(...formViolations(definition.rules, data).map((v) => ({ ground: 4 as const, code: v.code, field: v.field })));
  reasons.sort((a, b) => a.ground - b.ground);
}

export function definitionView(row: FormDefinitionRow) {
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    validFrom: row.validFrom,
    validTo: row.validTo,
    name: { tg: row.nameTg, ru: row.nameRu, en: row.nameEn },
    legalBasis: row.legalBasis,
    // The stored rules are readonly in the domain; the response schema types them as plain arrays.
    rules: row.rules as never,
    publishedBy: row.publishedBy,
    publishedAt: row.publishedAt.toISOString(),
  };
}
