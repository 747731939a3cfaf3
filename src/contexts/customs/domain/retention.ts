/**
 * Originals received after release (art.361 p.3 as amended by item 69; CUS-REG-09): returned to
 * the declarant and kept for five years from the date of registration of the declaration. Pure.
 */
import { daysInMonth } from '../../../platform/calendar/time.ts';
import type { IsoDate } from './history.ts';

export const RETENTION_YEARS = 5;

/**
 * The last day of retention: the same date five years after the day of registration (29 February
 * becomes 28 February), as PostgreSQL's `date + interval '5 years'` computes it (a CHECK holds it).
 */
export function retainUntil(registeredOn: IsoDate): IsoDate {
  const [y, m, d] = registeredOn.split('-').map(Number) as [number, number, number];
  const year = y + RETENTION_YEARS;
  const day = Math.min(d, daysInMonth(year, m));
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/** Retention is over once its last day has passed (the day after `retainUntil`). */
export const isRetentionOver = (retainUntilDay: IsoDate, today: IsoDate): boolean => today > retainUntilDay;

/** The originals arrived after release: the declaration must have been released before they were received. */
export const isAfterRelease = (releasedAt: Date | null, receivedAt: Date): boolean => releasedAt !== null && releasedAt.getTime() <= receivedAt.getTime();
