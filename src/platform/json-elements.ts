/**
 * The exact text of each element of a JSON array, taken from the text it was parsed from, so that
 * a batch's documents can be stored as sent (docs/fiscal-intake.md "Storage"). `text` must be
 * valid JSON whose top-level value is an object with one array member named `key`, of objects
 * (the batch schema); the scan trusts that and only tracks strings and nesting. Returns undefined
 * when the text is not of that shape, so the caller falls back to re-serialising.
 */
export function arrayElementTexts(text: string, key: string, expected: number): string[] | undefined {
  const at = text.indexOf(`"${key}"`);
  if (at < 0) return undefined;
  const open = text.indexOf('[', at + key.length + 2);
  if (open < 0) return undefined;
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (depth === 0) start = i;
      depth++;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth === 0) return out.length === expected ? out : undefined; // the array's own ']'
      depth--;
      if (depth === 0) out.push(text.slice(start, i + 1));
    }
  }
  return undefined;
}
