/**
 * The compiled engine of the active profiles (CUS-CTL-02, CUS-RMS-21). Compiling 5,000 profiles per
 * declaration would cost more than evaluating them, so each node keeps one compiled engine and
 * rebuilds it only when `risk.engine_state.inputs_version` changed (an activation, a retirement, a
 * price import — bumped in their transactions) or the Dushanbe day changed (a profile's validity
 * period starts or ends on a day; prices are in force by day). What it was built from is stored once
 * as a content-addressed snapshot, so every decision can be reproduced.
 */
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { canonicalJson } from '../../../platform/canonical-json.ts';
import { sha256Hex } from '../../../platform/bytes.ts';
import type { Db } from '../../../platform/db.ts';
import { compileProfiles, type Engine } from '../domain/evaluate.ts';
import type { ProfileRule, ReferencePrices } from '../domain/model.ts';
import { engineSnapshots, engineState, profiles, profileVersions } from '../infrastructure/schema.ts';
import { pricesOn } from './price-references.ts';

export type CompiledInputs = {
  readonly engine: Engine;
  readonly snapshotId: string;
  readonly inputsVersion: number;
  readonly day: string;
  readonly versionIds: readonly string[];
};

export type EngineCache = {
  /** The engine for `day`, rebuilt when the inputs changed; its snapshot exists in `tx` when this returns. */
  readonly current: (tx: Db, day: string, at: Date) => Promise<CompiledInputs>;
};

const ruleColumns = {
  versionId: profileVersions.id,
  code: profiles.code,
  subjects: profileVersions.subjects,
  indicator: profileVersions.indicator,
  lane: profileVersions.lane,
  selectionPercent: profileVersions.selectionPercent,
  measures: profileVersions.measures,
  level: profileVersions.level,
};

/** The active versions in force on `day` (art.429(2) p.2: outside its validity a profile is not applied), by code. */
export async function rulesInForce(tx: Db, day: string): Promise<ProfileRule[]> {
  return tx
    .select(ruleColumns)
    .from(profileVersions)
    .innerJoin(profiles, eq(profiles.id, profileVersions.profileId))
    .where(and(eq(profileVersions.state, 'active'), lte(profileVersions.validFrom, day), gte(profileVersions.validTo, day)))
    .orderBy(asc(profiles.code));
}

/** The versions a snapshot names, in the same order as `rulesInForce` gave them. */
export async function rulesOf(tx: Db, versionIds: readonly string[]): Promise<ProfileRule[]> {
  if (versionIds.length === 0) return [];
  return tx
    .select(ruleColumns)
    .from(profileVersions)
    .innerJoin(profiles, eq(profiles.id, profileVersions.profileId))
    .where(inArray(profileVersions.id, [...versionIds]))
    .orderBy(asc(profiles.code));
}

export const pricesToJson = (prices: ReferencePrices): Record<string, Record<string, number>> =>
  Object.fromEntries([...prices].map(([table, codes]) => [table, Object.fromEntries(codes)]));
export const pricesFromJson = (json: Record<string, Record<string, number>>): ReferencePrices =>
  new Map(Object.entries(json).map(([table, codes]) => [table, new Map(Object.entries(codes))]));

/** Bumps the version every node compares its engine with; call it in the transaction of the change. */
export async function engineInputsChanged(tx: Db): Promise<void> {
  await tx
    .update(engineState)
    .set({ inputsVersion: sql`${engineState.inputsVersion} + 1` })
    .where(eq(engineState.id, true));
}

export function createEngineCache(): EngineCache {
  let cached: (CompiledInputs & { prices: Record<string, Record<string, number>> }) | undefined;
  return {
    async current(tx, day, at) {
      const [state] = await tx.select({ version: engineState.inputsVersion }).from(engineState).where(eq(engineState.id, true));
      const version = state?.version ?? 0;
      if (!cached || cached.inputsVersion !== version || cached.day !== day) {
        const rules = await rulesInForce(tx, day);
        const prices = await pricesOn(tx, day);
        const json = pricesToJson(prices);
        const versionIds = rules.map((r) => r.versionId);
        const snapshotId = sha256Hex(canonicalJson({ day, versionIds, prices: json }));
        cached = { engine: compileProfiles(rules, prices), snapshotId, inputsVersion: version, day, versionIds, prices: json };
      }
      // The snapshot may have been written by a transaction that rolled back: make sure it is there (one indexed read).
      const [stored] = await tx.select({ id: engineSnapshots.id }).from(engineSnapshots).where(eq(engineSnapshots.id, cached.snapshotId));
      if (!stored)
        await tx
          .insert(engineSnapshots)
          .values({ id: cached.snapshotId, day, versionIds: [...cached.versionIds], prices: cached.prices, createdAt: at })
          .onConflictDoNothing();
      return cached;
    },
  };
}
