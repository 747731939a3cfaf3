/**
 * Canonical JSON: keys sorted at every level, `undefined` dropped, bigint as a decimal string,
 * Date as ISO 8601. The same value always gives the same bytes, which hashes and signatures need.
 * Written straight to a string (no intermediate objects): it runs on every fiscal document twice.
 */
export function canonicalJson(value: unknown): string {
  const out = write(value);
  return out === undefined ? 'null' : out;
}

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value.toString()}"`;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) s += ',';
      s += write(value[i]) ?? 'null';
    }
    return `${s}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let s = '{';
  let first = true;
  for (const key of keys) {
    const v = write(obj[key]);
    if (v === undefined) continue;
    s += `${first ? '' : ','}${JSON.stringify(key)}:${v}`;
    first = false;
  }
  return `${s}}`;
}

/** The plain JSON value that `canonicalJson` serialises (what jsonb will hand back). */
export function normalise(value: unknown): unknown {
  return JSON.parse(canonicalJson(value));
}

/**
 * The canonical JSON of an object without some of its top-level members, for several member sets
 * at once: the nested values are serialised once and reused (a fiscal document is checked over
 * "all but the MAC" and "all but the MAC and the fiscal sign").
 */
export function canonicalWithout(value: Record<string, unknown>, omissions: readonly (readonly string[])[]): string[] {
  const members: [string, string][] = [];
  for (const key of Object.keys(value).sort()) {
    const v = write(value[key]);
    if (v !== undefined) members.push([key, `${JSON.stringify(key)}:${v}`]);
  }
  return omissions.map(
    (omit) =>
      `{${members
        .filter(([k]) => !omit.includes(k))
        .map(([, m]) => m)
        .join(',')}}`,
  );
}
