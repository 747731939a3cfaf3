/**
 * GS1 commercial codes (p.2: "рамзи тиҷоратӣ", the unique product number of the GS1 system).
 * GTIN-8, -12, -13 and -14 end with a mod-10 check digit: weights 3 and 1 alternate from the
 * right, starting with 3 on the digit next to the check digit (GS1 General Specifications 7.9.1).
 */
export type GtinCheck = { readonly isValid: true; readonly gtin14: string } | { readonly isValid: false; readonly reason: 'FORMAT' | 'CHECK_DIGIT' };

export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, w = 3; i >= 0; i--, w = 4 - w) sum += Number(body[i]) * w;
  return (10 - (sum % 10)) % 10;
}

/** Validates a GTIN and returns it padded to 14 digits (the form stored and compared). */
export function checkGtin(code: string): GtinCheck {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return { isValid: false, reason: 'FORMAT' };
  const body = code.slice(0, -1);
  if (gtinCheckDigit(body) !== Number(code.at(-1))) return { isValid: false, reason: 'CHECK_DIGIT' };
  return { isValid: true, gtin14: code.padStart(14, '0') };
}
