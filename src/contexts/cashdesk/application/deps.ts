import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db.ts';
import type { RegisterFactsForCashdesk } from '../../fiscal/index.ts';
import type { GuardPolicy } from '../domain/register-guard.ts';
import type { ModuleHost, OperatorLink } from './ports.ts';
import { sha256Hex } from '../../../platform/bytes.ts';

/** What every cash-desk use case needs; wired in src/app through the context's index.ts. */
export type CashdeskDeps = {
  readonly database: Database;
  /** The register's clock; checked against the operator's (p.34, p.68 item 10). */
  readonly clock: Clock;
  /** The operator's registry facts of a register (src/contexts/fiscal/index.ts). */
  readonly registerFacts: (fiscalRegisterId: string) => Promise<RegisterFactsForCashdesk | undefined>;
  /** The link in use now (the base URL can change: the server learns its own address when it listens). */
  readonly link: () => OperatorLink;
  readonly linkState: LinkState;
  readonly modules: ModuleHost;
  /** The public address buyers reach: the QR code's check page `<url>/r` and the e-receipt `<url>/r/e/<token>`. */
  readonly publicUrl: () => string;
  readonly policy: GuardPolicy;
};

/** How the audit log names the acting user. */
export const actorOf = (p: AccountPrincipal | 'system'): string => (p === 'system' ? 'system' : `${p.role}:${p.login}`);

/** Unlocks are kept per login session, by the hash of its token (the token itself is a secret). */
export const sessionHash = (token: string): string => sha256Hex(token);

/**
 * What the register believes about its link to the operator. A believed state is trusted for
 * `freshMs` of real time; after that the next document asks the operator first. Real time, not the
 * legal clock: this is about the network, and tests move the legal clock freely.
 */
export type LinkState = {
  readonly get: () => { readonly isOnline: boolean; readonly isFresh: boolean; readonly checkedAt: Date | null; readonly lastError: string | null };
  readonly up: (at: Date) => void;
  readonly down: (at: Date, reason: string) => void;
  /** Forgets what was believed: the next document asks the operator first. */
  readonly reset: () => void;
};

export function createLinkState(freshMs = 15_000): LinkState {
  let isOnline = false;
  let checkedMs = Number.NEGATIVE_INFINITY;
  let checkedAt: Date | null = null;
  let lastError: string | null = null;
  return {
    get: () => ({ isOnline, isFresh: performance.now() - checkedMs < freshMs, checkedAt, lastError }),
    up: (at) => {
      isOnline = true;
      checkedMs = performance.now();
      checkedAt = at;
      lastError = null;
    },
    down: (at, reason) => {
      isOnline = false;
      checkedMs = performance.now();
      checkedAt = at;
      lastError = reason;
    },
    reset: () => {
      checkedMs = Number.NEGATIVE_INFINITY;
    },
  };
}
