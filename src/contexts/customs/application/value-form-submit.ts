import { desc, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { notify } from '../../../platform/notifications.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import { TERMINAL_STATES } from '../domain/declaration.ts';
import { formViolations } from '../domain/form-definition.ts';
import { differencesFromDeclaration, type ValueFormData } from '../domain/value-form.ts';
import { type ValueFormRow, valueForms } from '../infrastructure/form-definition.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { sha256Hex, signingBytes } from './declaration-signature.ts';
import { lockDeclaration, mayFile } from './declaration-store.ts';
import { definitionOn } from './form-definition-store.ts';
import { documentTypesOn, uploadedAmong, type ValueRefusal } from './value-form-store.ts';

/**
 * Art.361 p.1-2, art.362 p.1 as the draft amends them (CUS-REG-08, CUS-REG-10): the filer of the
 * declaration submits the electronic customs value form through the system, with the declaration
 * (while it is a draft) or separately once it is filed. It is checked against the customs value
 * form definition in force that day; its documents must be uploaded electronic copies of known
 * types; its method, additions and contract must be the declaration's (the assessment reads those).
 * Every reason comes back at once; a form that passes is a new version, the earlier ones kept unchanged.
 */
export async function submitValueForm(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  declarationId: string,
  form: ValueFormData,
): Promise<Result<ValueFormRow, ValueRefusal>> {
  const now = deps.clock.now();
  const day = dushanbeDate(now);
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, declarationId);
    if (!found.ok) return found;
    const row = found.value;
    if (!mayFile(actor, row)) return fail('DECLARATION_NOT_YOURS', 'params.id');
    if (TERMINAL_STATES.includes(row.state)) return fail('VALUE_FORM_STATE_INVALID', 'params.id', { state: row.state });

    const definition = await definitionOn(tx, 'customs_value_form', day);
    const reasons: { code: string; field: string }[] = formViolations(definition?.rules ?? [], form).map((v) => ({ code: v.code, field: v.field }));
    for (const name of differencesFromDeclaration(form, row.data)) reasons.push({ code: 'differs_from_declaration', field: name });
    const uploaded = await uploadedAmong(
      tx,
      form.documents.flatMap((d) => (d.sha256 ? [d.sha256] : [])),
    );
    const types = await documentTypesOn(tx, day);
    form.documents.forEach((d, i) => {
      if (!types.has(d.typeCode)) reasons.push({ code: 'document_type_unknown', field: `documents[${i}].typeCode` });
      if (d.sha256 !== undefined && !uploaded.has(d.sha256)) reasons.push({ code: 'document_not_uploaded', field: `documents[${i}].sha256` });
    });
    if (reasons.length > 0) return fail('VALUE_FORM_INVALID', `body.${reasons[0]?.field}`, { reasons, definitionVersion: definition?.version ?? null });

    const [last] = await tx
      .select({ version: valueForms.version })
      .from(valueForms)
      .where(eq(valueForms.declarationId, row.id))
      .orderBy(desc(valueForms.version))
      .limit(1);
    const version = (last?.version ?? 0) + 1;
    const source = row.state === 'DRAFT' ? ('with_declaration' as const) : ('separate' as const);
    const [saved] = await tx
      .insert(valueForms)
      .values({
        declarationId: row.id,
        version,
        source,
        data: form,
        definitionId: definition?.id ?? null,
        sha256: sha256Hex(signingBytes(form)),
        submittedBy: actorOf(actor),
        submittedAt: now,
      })
      .returning();
    // Submitted separately, the form reaches the officers of the office that accepted the declaration.
    if (source === 'separate')
      await notify(tx, now, {
        recipient: { kind: 'role', id: 'customs_officer' },
        kind: 'customs_value_form_submitted',
        title: {
          tg: `Варақаи арзиши гумрукӣ ба эъломияи № ${row.number ?? ''} пешниҳод шуд`,
          ru: `Представлен бланк таможенной стоимости к декларации № ${row.number ?? ''}`,
          en: `Customs value form submitted for declaration No ${row.number ?? ''}`,
        },
        body: {
          tg: `Версияи ${version} (м.361 қ.1, м.362 қ.1).`,
          ru: `Версия ${version} (ст.361 ч.1, ст.362 ч.1).`,
          en: `Version ${version} (art.361 p.1, art.362 p.1).`,
        },
        subject: { type: 'customs_declaration', id: row.id },
      });
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.value_form_submitted',
      entity: 'customs.declaration',
      entityId: row.id,
      after: { version, source, definitionVersion: definition?.version ?? null, sha256: saved?.sha256 },
    });
    return ok(saved as ValueFormRow);
  });
}
