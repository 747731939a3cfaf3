/**
 * Time of the register: Tajikistan is UTC+05:00 all year, without daylight saving (p.65 item 16,
 * p.68 item 10). Instants are passed in; nothing here reads a clock.
 */
export const DUSHANBE_OFFSET_MS = 5 * 3_600_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** The Dushanbe calendar date (YYYY-MM-DD) of an instant given in milliseconds or as RFC 3339. */
export function localDate(at: number | string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(at)}`);
  return new Date(ms + DUSHANBE_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant as the register writes it: RFC 3339 with the +05:00 offset, to the second. */
export function toLocalIso(ms: number): string {
  return `${new Date(ms + DUSHANBE_OFFSET_MS).toISOString().slice(0, 19)}+05:00`;
}
