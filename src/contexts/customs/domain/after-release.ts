/**
 * Changes of declared data after release (art.133 p.8-9, CUS-DEC-50): only in the cases the Code or
 * the authorised body sets, by customs' decision or with its permission, and only in the fields the
 * case allows. Pure.
 */

/** `decision`: customs changes the data itself; `permission`: the declarant asks and customs permits. */
export type AfterReleaseMode = 'decision' | 'permission';
export const AFTER_RELEASE_MODES: readonly AfterReleaseMode[] = ['decision', 'permission'];

export type AfterReleaseCase = { readonly code: string; readonly allowedFields: readonly string[]; readonly modes: readonly AfterReleaseMode[] };

/** Parts of the declaration a case may open; who declares what, where and under which regime never changes (art.133 p.4, AMB-06). */
export const CHANGEABLE_ROOTS = [
  'consignor',
  'consignee',
  'transport',
  'countryOfDispatch',
  'countryOfDestination',
  'currency',
  'invoiceTotal',
  'deliveryTerms',
  'preliminaryNumber',
  'preliminaryExemption',
  'storageNumber',
  'valuation',
  'items',
  'documents',
] as const;

/** `items[].description`, `consignee.address`, `documents`: a root, then names, `[]` for each element of a list. */
export function isFieldPath(path: string): boolean {
  const root = path.split(/[.[]/)[0] ?? '';
  return /^[a-zA-Z]+(\[\])?(\.[a-zA-Z]+(\[\])?)*$/.test(path) && (CHANGEABLE_ROOTS as readonly string[]).includes(root);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The paths that differ between two versions of the data. Lists of objects of the same length are
 * compared element by element (`items[].netMassKg`); a list whose length or plain values change is
 * one change of the list itself (`documents`, `transport.vehicles`).
 */
export function changedPaths(before: unknown, after: unknown, path = ''): string[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return [...new Set(keys.flatMap((k) => changedPaths(before[k], after[k], path ? `${path}.${k}` : k)))];
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.every(isObject) && after.every(isObject))
    return [...new Set(before.flatMap((b, i) => changedPaths(b, after[i], `${path}[]`)))];
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [path];
}

/** A changed path is allowed when a field of the case is it or contains it. */
export const isAllowed = (path: string, allowed: readonly string[]): boolean =>
  allowed.some((a) => path === a || path.startsWith(`${a}.`) || path.startsWith(`${a}[`));

export type AfterReleaseVerdict = { readonly reasons: string[]; readonly fields: string[] };

/**
 * Art.133 p.8 (CUS-DEC-50): a change after release names a case in force, the case allows the way
 * it is made (by customs' decision or with its permission), and every changed field is one the
 * case allows. The reasons are codes; `fields` lists the changed fields the case does not allow.
 */
export function afterReleaseVerdict(
  caseCode: string | undefined,
  found: AfterReleaseCase | undefined,
  mode: AfterReleaseMode,
  before: unknown,
  after: unknown,
): AfterReleaseVerdict {
  if (caseCode === undefined) return { reasons: ['after_release_case_missing'], fields: [] };
  if (!found) return { reasons: ['after_release_case_unknown'], fields: [] };
  const reasons: string[] = [];
  if (!found.modes.includes(mode)) reasons.push(mode === 'permission' ? 'after_release_case_by_decision_only' : 'after_release_case_by_permission_only');
  const changed = changedPaths(before, after);
  const fields = changed.filter((p) => !isAllowed(p, found.allowedFields));
  if (fields.length > 0) reasons.push('after_release_field_not_allowed');
  if (changed.length === 0) reasons.push('after_release_nothing_changed');
  return { reasons, fields };
}

/** What is signed for a change: the kind and, after release, the case (`amendment:data:TYPOGRAPHICAL`). */
export const amendmentTag = (kind: string, caseCode?: string): string => (caseCode ? `amendment:${kind}:${caseCode}` : `amendment:${kind}`);
