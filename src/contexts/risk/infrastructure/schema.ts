/**
 * Drizzle tables of the risk profiles, decisions and feedback (migrations/0022_risk.sql is the source
 * of truth; test/schema-drift.integration.test.ts checks that the two agree).
 */
import { bigint, boolean, date, doublePrecision, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localised } from '../../../platform/i18n.ts';
import type { Hit, Indicator, Lane, Measure, ObjectOfAnalysis, RiskCategory, RiskKind, SubjectKind } from '../domain/model.ts';
import type { ProfileState } from '../domain/profiles.ts';
import type { TraderFactKind, TraderFactSource } from '../domain/trader-facts.ts';

const risk = pgSchema('risk');
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const profiles = risk.table('profiles', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: instant('created_at').notNull(),
});

export const profileVersions = risk.table('profile_versions', {
  id: uuid('id').primaryKey(),
  profileId: uuid('profile_id').notNull(),
  version: integer('version').notNull(),
  state: text('state').$type<ProfileState>().notNull(),
  area: jsonb('area').$type<Localised>().notNull(),
  categories: text('categories').array().$type<RiskCategory[]>().notNull(),
  kind: text('kind').$type<RiskKind>().notNull(),
  indicator: jsonb('indicator').$type<Indicator>().notNull(),
  objects: text('objects').array().$type<ObjectOfAnalysis[]>().notNull(),
  subjects: text('subjects').array().$type<SubjectKind[]>().notNull(),
  lane: text('lane').$type<Exclude<Lane, 'green'>>().notNull(),
  selectionPercent: integer('selection_percent').notNull(),
  measures: text('measures').array().$type<Measure[]>().notNull(),
  level: integer('level').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  approvedBy: text('approved_by'),
  approvedAt: instant('approved_at'),
  activatedBy: text('activated_by'),
  activatedAt: instant('activated_at'),
  retiredBy: text('retired_by'),
  retiredAt: instant('retired_at'),
});
export type ProfileVersionRow = typeof profileVersions.$inferSelect;

export const engineState = risk.table('engine_state', {
  id: boolean('id').primaryKey(),
  inputsVersion: bigint('inputs_version', { mode: 'number' }).notNull(),
});

export const engineSnapshots = risk.table('engine_snapshots', {
  id: text('id').primaryKey(),
  day: date('day').notNull(),
  versionIds: jsonb('version_ids').$type<string[]>().notNull(),
  prices: jsonb('prices').$type<Record<string, Record<string, number>>>().notNull(),
  createdAt: instant('created_at').notNull(),
});

export const settings = risk.table('settings', {
  id: boolean('id').primaryKey(),
  randomRate: doublePrecision('random_rate').notNull(),
  expectedBlue: doublePrecision('expected_blue').notNull(),
  expectedYellow: doublePrecision('expected_yellow').notNull(),
  expectedRed: doublePrecision('expected_red').notNull(),
  observedWindow: integer('observed_window').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/** What a decision stores of the settings: the settings and the observed shares the draw compared with. */
export type SettingsSnapshot = {
  readonly randomRate: number;
  readonly expectedRates: { readonly blue: number; readonly yellow: number; readonly red: number };
  readonly observed: { readonly blue: number; readonly yellow: number; readonly red: number };
  readonly observedWindow: number;
};

export const decisions = risk.table('decisions', {
  id: uuid('id').primaryKey(),
  subjectKind: text('subject_kind').$type<SubjectKind>().notNull(),
  subjectId: uuid('subject_id').notNull(),
  subjectNumber: text('subject_number').notNull(),
  traderCode: text('trader_code').notNull(),
  decidedAt: instant('decided_at').notNull(),
  decidedLane: text('decided_lane').$type<Lane>().notNull(),
  decidedMeasures: text('decided_measures').array().$type<Measure[]>().notNull(),
  basis: text('basis').$type<'profile' | 'random' | 'none'>().notNull(),
  hits: jsonb('hits').$type<Hit[]>().notNull(),
  seed: text('seed').notNull(),
  settings: jsonb('settings').$type<SettingsSnapshot>().notNull(),
  snapshotId: text('snapshot_id').notNull(),
  inputsVersion: bigint('inputs_version', { mode: 'number' }).notNull(),
  lane: text('lane').$type<Lane>().notNull(),
  measures: text('measures').array().$type<Measure[]>().notNull(),
});
export type DecisionRow = typeof decisions.$inferSelect;

export const decisionHits = risk.table('decision_hits', {
  decisionId: uuid('decision_id').notNull(),
  versionId: uuid('version_id').notNull(),
  isSelected: boolean('is_selected').notNull(),
  items: integer('items').array().notNull(),
  decidedAt: instant('decided_at').notNull(),
});

export const reroutes = risk.table('reroutes', {
  id: uuid('id').primaryKey(),
  decisionId: uuid('decision_id').notNull(),
  fromLane: text('from_lane').$type<Lane>().notNull(),
  toLane: text('to_lane').$type<Lane>().notNull(),
  measures: text('measures').array().$type<Measure[]>().notNull(),
  isUpward: boolean('is_upward').notNull(),
  reason: text('reason').notNull(),
  actor: text('actor').notNull(),
  at: instant('at').notNull(),
});

export const controlResults = risk.table('control_results', {
  eventId: uuid('event_id').primaryKey(),
  decisionId: uuid('decision_id'),
  subjectKind: text('subject_kind').$type<SubjectKind | 'audit'>().notNull(),
  subjectId: uuid('subject_id').notNull(),
  traderCode: text('trader_code').notNull(),
  isViolationFound: boolean('is_violation_found').notNull(),
  findings: text('findings').notNull(),
  additionalDirams: bigint('additional_dirams', { mode: 'bigint' }).notNull(),
  source: text('source').$type<'control' | 'audit'>().notNull(),
  at: instant('at').notNull(),
});

export const traderFacts = risk.table('trader_facts', {
  id: uuid('id').primaryKey(),
  traderCode: text('trader_code').notNull(),
  kind: text('kind').$type<TraderFactKind>().notNull(),
  description: text('description').notNull(),
  reference: text('reference').notNull(),
  amountDirams: bigint('amount_dirams', { mode: 'bigint' }),
  decidedOn: date('decided_on').notNull(),
  settledOn: date('settled_on'),
  source: text('source').$type<TraderFactSource>().notNull(),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: instant('recorded_at').notNull(),
});
export type TraderFactRow = typeof traderFacts.$inferSelect;
