/**
 * SHA-256 as pure computation (no Node API), for domain code that must stay pure (STYLE.md): the
 * risk engine's reproducible draws. The same digest as node:crypto's, from @noble/hashes.
 */
import { sha256 } from '@noble/hashes/sha2';

const utf8 = new TextEncoder();

/** SHA-256 of the UTF-8 of the parts joined by NUL (parts cannot be confused with each other). */
export const sha256OfParts = (...parts: readonly string[]): Uint8Array => sha256(utf8.encode(parts.join('\u0000')));
