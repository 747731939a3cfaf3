import { randomBytes } from 'node:crypto';

let lastMs = -1;
let counter = 0;

/**
 * UUIDv7 made in the application (RFC 9562 §5.7): time-ordered, so B-tree inserts stay local.
 * Within one millisecond the 12-bit `rand_a` field is a counter (RFC 9562 §6.2, method 1), so ids
 * made by this process sort in the order they were made. PostgreSQL 15 has no uuidv7().
 */
export function uuidv7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = randomBytes(2).readUInt16BE(0) & 0x3ff;
  } else {
    // Same millisecond, or a clock that moved back (a test clock): keep this process's order.
    counter += 1;
    if (counter > 0xfff) {
      // The counter is spent: borrow the next millisecond rather than lose the order.
      lastMs += 1;
      counter = 0;
    }
  }
  const ms = lastMs;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
