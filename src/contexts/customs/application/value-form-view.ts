import { inArray } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { formViolations } from '../domain/form-definition.ts';
import { differencesFromDeclaration, formFromDeclaration, type ValueFormData } from '../domain/value-form.ts';
import { formDefinitions } from '../infrastructure/form-definition.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { readDeclaration } from './declaration-store.ts';
import { definitionOn } from './form-definition-store.ts';
import { valueFormVersions, type ValueRefusal } from './value-form-store.ts';

/**
 * CUS-REG-08, CUS-REG-10: the declaration's customs value form as customs and the declarant see it:
 * the latest version submitted, or (none yet) the form as the declaration's valuation gives it,
 * with the rules in force today it still breaks; where it differs from the declaration now (after an
 * amendment, say); every version; and the customs value assessed at registration.
 */
export async function getValueForm(deps: CustomsDeps, actor: AccountPrincipal, declarationId: string): Promise<Result<ValueFormView, ValueRefusal>> {
  const db = deps.database.db;
  const found = await readDeclaration(db, actor, declarationId);
  if (!found.ok) return found;
  const row = found.value;
  const versions = await valueFormVersions(db, row.id);
  const ids = [...new Set(versions.flatMap((v) => (v.definitionId ? [v.definitionId] : [])))];
  const definitions = ids.length === 0 ? [] : await db.select().from(formDefinitions).where(inArray(formDefinitions.id, ids));
  const versionOf = (id: string | null) => definitions.find((d) => d.id === id)?.version ?? null;
  const last = versions.at(-1);
  let current: ValueFormView['current'];
  if (last) {
    current = {
      version: last.version,
      source: last.source,
      data: last.data,
      definitionVersion: versionOf(last.definitionId),
      submittedAt: last.submittedAt.toISOString(),
      differences: differencesFromDeclaration(last.data, row.data),
      violations: [],
    };
  } else {
    const data = formFromDeclaration(row.data);
    const definition = await definitionOn(db, 'customs_value_form', dushanbeDate(deps.clock.now()));
    current = {
      version: 0,
      source: 'declaration',
      data,
      definitionVersion: definition?.version ?? null,
      submittedAt: null,
      differences: [],
      violations: formViolations(definition?.rules ?? [], data),
    };
  }
  return ok({
    declarationId: row.id,
    declarationNumber: row.number,
    customsValueDirams: row.customsValueDirams === null ? null : row.customsValueDirams.toString(),
    current,
    versions: versions.map((v) => ({
      version: v.version,
      source: v.source,
      sha256: v.sha256,
      definitionVersion: versionOf(v.definitionId),
      submittedAt: v.submittedAt.toISOString(),
    })),
  });
}

export type ValueFormView = {
  readonly declarationId: string;
  readonly declarationNumber: string | null;
  readonly customsValueDirams: string | null;
  readonly current: {
    readonly version: number;
    readonly source: 'declaration' | 'with_declaration' | 'separate';
    readonly data: ValueFormData;
    readonly definitionVersion: number | null;
    readonly submittedAt: string | null;
    readonly differences: string[];
    readonly violations: { code: string; field: string }[];
  };
  readonly versions: {
    readonly version: number;
    readonly source: 'with_declaration' | 'separate';
    readonly sha256: string;
    readonly definitionVersion: number | null;
    readonly submittedAt: string;
  }[];
};
