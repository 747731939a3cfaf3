/**
 * The selectivity settings (art.399 p.1-3; ASYCUDA MODSEL, research/customs-anchors.md "Capacity
 * control"): the minimum random rate, the expected rate of each control lane and how many recent
 * decisions the observed rates are taken over. All zero by default: nothing is selected at random
 * until the authorised body sets it (CUS-RMS-19).
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from '../domain/errors.ts';
import { observedShares } from '../domain/lanes.ts';
import type { ObservedRates, SelectivitySettings, SubjectKind } from '../domain/model.ts';
import { decisions, settings } from '../infrastructure/schema.ts';
import { actorOf, type RiskDeps } from './deps.ts';

export type Settings = SelectivitySettings & { readonly observedWindow: number; readonly updatedBy: string; readonly updatedAt: string };
export type SettingsInput = Pick<Settings, 'randomRate' | 'expectedRates' | 'observedWindow'>;

export async function loadSettings(db: Db): Promise<Settings> {
  const [row] = await db.select().from(settings).where(eq(settings.id, true));
  if (!row) throw new Error('risk.settings row is missing');
  return {
    randomRate: row.randomRate,
    expectedRates: { blue: row.expectedBlue, yellow: row.expectedYellow, red: row.expectedRed },
    observedWindow: row.observedWindow,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const NONE: ObservedRates = { blue: 0, yellow: 0, red: 0 };

/**
 * The observed rates of the lanes over the last `window` decisions of the kind, the decisions the
 * window still lacks counted at the expected rates (`observedShares`). Read only when an expected
 * rate is set (otherwise the draw does not use them): one index scan of at most `window` rows.
 */
export async function observedRates(tx: Db, kind: SubjectKind, s: Settings): Promise<ObservedRates> {
  if (s.expectedRates.blue === 0 && s.expectedRates.yellow === 0 && s.expectedRates.red === 0) return NONE;
  const recent = tx
    .select({ lane: decisions.lane })
    .from(decisions)
    .where(eq(decisions.subjectKind, kind))
    .orderBy(desc(decisions.decidedAt))
    .limit(s.observedWindow)
    .as('recent');
  const counted = await tx.select({ lane: recent.lane, n: sql<number>`count(*)::int` }).from(recent).groupBy(recent.lane);
  return observedShares(Object.fromEntries(counted.map((r) => [r.lane, Number(r.n)])), s.observedWindow, s.expectedRates);
}

/** Sets the rates; the expected rates of the control lanes together cannot pass 1. Audited. */
export async function updateSettings(deps: RiskDeps, actor: AccountPrincipal, input: SettingsInput): Promise<Result<Settings, Failure<RiskErrorCode>>> {
  const e = input.expectedRates;
  const rates = { randomRate: input.randomRate, blue: e.blue, yellow: e.yellow, red: e.red };
  for (const [name, rate] of Object.entries(rates))
    if (!(rate >= 0 && rate <= 1)) return fail('RISK_SETTINGS_INVALID', name === 'randomRate' ? 'body.randomRate' : `body.expectedRates.${name}`);
  if (e.blue + e.yellow + e.red > 1) return fail('RISK_SETTINGS_INVALID', 'body.expectedRates', { sum: e.blue + e.yellow + e.red });
  if (!Number.isInteger(input.observedWindow) || input.observedWindow < 10 || input.observedWindow > 100_000)
    return fail('RISK_SETTINGS_INVALID', 'body.observedWindow');
  return transact(deps.database.db, async (tx) => {
    const before = await loadSettings(tx);
    const now = deps.clock.now();
    await tx
      .update(settings)
      .set({
        randomRate: input.randomRate,
        expectedBlue: e.blue,
        expectedYellow: e.yellow,
        expectedRed: e.red,
        observedWindow: input.observedWindow,
        updatedBy: actorOf(actor),
        updatedAt: now,
      })
      .where(eq(settings.id, true));
    const after = await loadSettings(tx);
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'risk.settings_changed', entity: 'risk.settings', entityId: 'selectivity', before, after });
    return ok(after);
  });
}
