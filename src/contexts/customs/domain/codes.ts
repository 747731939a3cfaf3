/**
 * Code validation of the reference data: the national commodity nomenclature (ТН ВЭД), ISO 3166-1
 * alpha-2 countries, ISO 4217 currencies, TINs and the identifiers of foreign persons.
 */

/** The levels of a 10-digit national code: HS chapter (2), heading (4), subheading (6), national line (10). */
export type CommodityHierarchy = { readonly chapter: string; readonly heading: string; readonly subheading: string; readonly national: string };

/**
 * A national code has 10 digits whose first 6 are the Harmonized System subheading; chapters run
 * 01 to 97 and chapter 77 is reserved by the HS for future use.
 */
export function isCommodityCode(code: string): boolean {
  if (!/^\d{10}$/.test(code)) return false;
  const chapter = Number(code.slice(0, 2));
  return chapter >= 1 && chapter <= 97 && chapter !== 77;
}

export function commodityHierarchy(code: string): CommodityHierarchy {
  return { chapter: code.slice(0, 2), heading: code.slice(0, 4), subheading: code.slice(0, 6), national: code };
}

/** A search prefix: a chapter, heading, subheading or any leading part of a code (2 to 10 digits). */
export const isCommodityPrefix = (prefix: string): boolean => /^\d{2,10}$/.test(prefix) && isCommodityCode(prefix.padEnd(10, '0'));

/**
 * ISO 3166-1 alpha-2: two capital letters, not one of the user-assigned codes (AA, QM–QZ, XA–XZ,
 * ZZ), which no country ever receives.
 */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  if (code === 'AA' || code === 'ZZ' || code[0] === 'X') return false;
  return !(code[0] === 'Q' && code[1] !== undefined && code[1] >= 'M');
}

/** ISO 4217: three capital letters, and a three-digit numeric code. */
export const isCurrencyCode = (code: string): boolean => /^[A-Z]{3}$/.test(code);
export const isCurrencyNumeric = (code: string): boolean => /^\d{3}$/.test(code) && code !== '000';

/** Taxpayer identification number (РМА): nine digits. */
export const isTin = (code: string): boolean => /^\d{9}$/.test(code);

/** A foreign person: country of registration and the registration number there, e.g. KZ-990140000123. */
export const isForeignPersonCode = (code: string): boolean => /^[A-Z]{2}-[A-Z0-9-]{1,30}$/.test(code) && isCountryCode(code.slice(0, 2));

/** Office and document-type codes: capitals, digits and hyphens. */
export const isPlainCode = (code: string): boolean => /^[A-Z0-9-]{2,20}$/.test(code);

/** A non-negative exact decimal with at most `scale` fractional digits (no floats anywhere). */
export const isDecimal = (value: string, scale: number): boolean => new RegExp(`^\\d{1,12}(\\.\\d{1,${scale}})?$`).test(value);

/** The canonical form of a decimal: no trailing zeros, no trailing point ("10.950000" → "10.95"). */
export function normaliseDecimal(value: string): string {
  if (!value.includes('.')) return value;
  return value.replace(/0+$/, '').replace(/\.$/, '');
}
