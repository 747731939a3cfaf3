import { createHash } from 'node:crypto';

/** SHA-256 of bytes or of a string's UTF-8, as lower-case hex: the one digest files, secrets, tokens and requests are known by. */
export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
