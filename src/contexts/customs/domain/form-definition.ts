/**
 * Form definitions of the authorised customs body (art.124 p.7, p.10, p.13; art.362 p.1; CUS-DEC-07,
 * CUS-REG-10): the data set of a form and its filling rules held as data, versioned by the days
 * they are in force. A rule names a field by its path (`consignor.name`, `items[].commodityCode`,
 * where `[]` stands for every element) and says it is required, matches a pattern, takes one of
 * some values or is at most so long; `when` makes it conditional on another field. Pure: the
 * application loads the definition in force on the filing day and this decides.
 */

/** The forms the authorised body sets. */
export const FORM_KINDS = [
  /** Art.124 p.7: the electronic goods declaration. */
  'goods_declaration',
  /** Art.124 p.10: the goods declaration on paper (filed during a recorded failure of the system). */
  'paper_declaration',
  /** Art.362 p.1: the electronic customs value form (форма бланка таможенной стоимости). */
  'customs_value_form',
  /** Art.124 p.13: declaring in cases the Code does not regulate. */
  'unregulated_case',
] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** Where each kind comes from in the Code. */
export const FORM_LEGAL_BASIS: Readonly<Record<FormKind, string>> = {
  goods_declaration: 'art.124 p.7',
  paper_declaration: 'art.124 p.10',
  customs_value_form: 'art.362 p.1',
  unregulated_case: 'art.124 p.13',
};

export type Scalar = string | number | boolean;

/** The field a rule depends on: it holds when the field equals a value, is one of some values, or is (not) filled in. */
export type FieldCondition = {
  readonly field: string;
  readonly equals?: Scalar;
  readonly oneOf?: readonly Scalar[];
  readonly isPresent?: boolean;
};

/** One filling rule. Without `when` it always applies; `pattern`, `oneOf` and `maxLength` only judge a value that is there. */
export type FieldRule = {
  readonly field: string;
  readonly required?: boolean;
  readonly when?: FieldCondition;
  /** A regular expression (Unicode) the whole value must match. */
  readonly pattern?: string;
  readonly oneOf?: readonly Scalar[];
  readonly maxLength?: number;
};

/** A broken rule: the concrete path (`items[1].description`) and which check failed. */
export type FormViolation = { readonly code: 'form_required' | 'form_pattern' | 'form_one_of' | 'form_max_length'; readonly field: string };

/** A fault in a definition itself, found before it is published. */
export type DefinitionFault = { readonly code: string; readonly field: string };

const PATH = /^[A-Za-z][A-Za-z0-9]*(\[\])?(\.[A-Za-z][A-Za-z0-9]*(\[\])?)*$/;
const MAX_PATTERN = 300;

/** Field paths of a path with `[]` turned into concrete indexes, with the value found at each. */
type Found = { readonly path: string; readonly value: unknown; readonly bound: ReadonlyMap<string, number> };

/**
 * Every concrete place of `path` in `document`. `bound` fixes the index of an array prefix (the
 * element a conditional rule is about), so `when: items[].isSample` reads the same item.
 */
function locate(document: unknown, path: string, bound: ReadonlyMap<string, number> = new Map()): Found[] {
  let found: Found[] = [{ path: '', value: document, bound: new Map(bound) }];
  let prefix = '';
  for (const segment of path.split('.')) {
    const isEach = segment.endsWith('[]');
    const name = isEach ? segment.slice(0, -2) : segment;
    prefix = prefix ? `${prefix}.${segment}` : segment;
    const next: Found[] = [];
    for (const f of found) {
      const value = isRecord(f.value) && Object.hasOwn(f.value, name) ? f.value[name] : undefined;
      const here = f.path ? `${f.path}.${name}` : name;
      if (!isEach) {
        next.push({ path: here, value, bound: f.bound });
        continue;
      }
      if (!Array.isArray(value)) continue;
      const fixed = f.bound.get(prefix);
      value.forEach((element, i) => {
        if (fixed !== undefined && fixed !== i) return;
        next.push({ path: `${here}[${i}]`, value: element, bound: new Map([...f.bound, [prefix, i]]) });
      });
    }
    found = next;
  }
  return found;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Filled in: not absent, not null, not an empty string or list. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function holds(condition: FieldCondition, document: unknown, bound: ReadonlyMap<string, number>): boolean {
  // A condition over a list holds when one element meets it (the same element when the rule is about it).
  return locate(document, condition.field, bound).some(({ value }) => {
    if (condition.isPresent !== undefined && isPresent(value) !== condition.isPresent) return false;
    if (condition.equals !== undefined && value !== condition.equals) return false;
    if (condition.oneOf !== undefined && !condition.oneOf.includes(value as Scalar)) return false;
    return true;
  });
}

/** Every rule the document breaks, in the order of the rules (CUS-DEC-07: all at once, with the field). */
export function formViolations(rules: readonly FieldRule[], document: unknown): FormViolation[] {
  const out: FormViolation[] = [];
  for (const rule of rules) {
    // A rule on list elements is judged per element; its condition reads the same element (`bound`).
    for (const place of locate(document, rule.field)) {
      if (rule.when !== undefined && !holds(rule.when, document, place.bound)) continue;
      const { value, path } = place;
      if (!isPresent(value)) {
        if (rule.required) out.push({ code: 'form_required', field: path });
        continue;
      }
      if (rule.oneOf !== undefined && !rule.oneOf.includes(value as Scalar)) out.push({ code: 'form_one_of', field: path });
      if (
        rule.pattern !== undefined &&
        (typeof value === 'string' || typeof value === 'number') &&
        !new RegExp(`^(?:${rule.pattern})$`, 'u').test(String(value))
      )
        out.push({ code: 'form_pattern', field: path });
      if (rule.maxLength !== undefined && typeof value === 'string' && [...value].length > rule.maxLength) out.push({ code: 'form_max_length', field: path });
    }
  }
  return out;
}

/**
 * Whether a definition can be published: every path well formed and, when the kind's data set is
 * known, a field of it; every rule checks something; patterns compile; conditions say what they test.
 */
export function definitionFaults(rules: readonly FieldRule[], knownFields: ReadonlySet<string> | undefined): DefinitionFault[] {
  const faults: DefinitionFault[] = [];
  const fieldFaults = (path: string, at: string) => {
    if (!PATH.test(path)) faults.push({ code: 'path_invalid', field: at });
    else if (knownFields && !knownFields.has(path)) faults.push({ code: 'field_unknown', field: at });
  };
  rules.forEach((rule, i) => {
    const at = `rules[${i}]`;
    fieldFaults(rule.field, `${at}.field`);
    if (!rule.required && rule.pattern === undefined && rule.oneOf === undefined && rule.maxLength === undefined)
      faults.push({ code: 'rule_checks_nothing', field: at });
    if (rule.pattern !== undefined && !compiles(rule.pattern)) faults.push({ code: 'pattern_invalid', field: `${at}.pattern` });
    if (rule.oneOf !== undefined && rule.oneOf.length === 0) faults.push({ code: 'one_of_empty', field: `${at}.oneOf` });
    if (rule.when) {
      fieldFaults(rule.when.field, `${at}.when.field`);
      if (rule.when.equals === undefined && rule.when.oneOf === undefined && rule.when.isPresent === undefined)
        faults.push({ code: 'condition_tests_nothing', field: `${at}.when` });
      if (rule.when.field === rule.field) faults.push({ code: 'condition_on_itself', field: `${at}.when.field` });
    }
  });
  return faults;
}

function compiles(pattern: string): boolean {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN) return false;
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
    return true;
  } catch {
    return false;
  }
}
