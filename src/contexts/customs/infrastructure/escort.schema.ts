/**
 * Drizzle tables of customs escort (migrations/0024_customs_audits.sql is the source of truth;
 * test/schema-drift.integration.test.ts checks that the two agree).
 */
import { bigint, boolean, date, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CarriageKind, EscortGround, EscortState } from '../domain/escort.ts';

const customs = pgSchema('customs');
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const escortFees = customs.table('escort_fees', {
  validFrom: date('valid_from').notNull(),
  fromKm: integer('from_km').notNull(),
  toKm: integer('to_km'),
  amountDirams: bigint('amount_dirams', { mode: 'bigint' }).notNull(),
  legalBasis: text('legal_basis').notNull(),
});

export const escortProposals = customs.table('escort_proposals', {
  decisionId: uuid('decision_id').primaryKey(),
  subjectKind: text('subject_kind').notNull(),
  subjectId: text('subject_id').notNull(),
  lane: text('lane').notNull(),
  measures: text('measures').array().notNull(),
  receivedAt: instant('received_at').notNull(),
});

export type InformMethod = 'electronic' | 'written' | 'in_person' | 'phone';

/** The facts as stored: amounts as decimal text (JSON has no bigint). */
export type StoredEscortFacts = {
  readonly carriage: CarriageKind;
  readonly guaranteeDirams: string | null;
  readonly art383Dirams: string | null;
  readonly unexecutedDecisions: string[];
  readonly overdueDutyReferences: string[];
  readonly hasExciseGoods: boolean;
  readonly riskMeasures: string[];
  readonly isForeignGoodsUnderControl: boolean;
};

export const escorts = customs.table('escorts', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  state: text('state').$type<EscortState>().notNull(),
  carriageKind: text('carriage_kind').$type<CarriageKind>().notNull(),
  transitNumber: text('transit_number'),
  declarationNumber: text('declaration_number'),
  vehicle: text('vehicle').notNull(),
  carrierCode: text('carrier_code').notNull(),
  carrierName: text('carrier_name').notNull(),
  carrierTin: text('carrier_tin'),
  payerTin: text('payer_tin').notNull(),
  fromOffice: text('from_office').notNull(),
  toOffice: text('to_office').notNull(),
  distanceKm: integer('distance_km').notNull(),
  facts: jsonb('facts').$type<StoredEscortFacts>().notNull(),
  grounds: text('grounds').array().$type<EscortGround[]>().notNull(),
  guaranteeReference: text('guarantee_reference'),
  riskDecisionId: uuid('risk_decision_id'),
  decidedAt: instant('decided_at').notNull(),
  decidedBy: text('decided_by').notNull(),
  dueAt: instant('due_at').notNull(),
  informedAt: instant('informed_at'),
  informedBy: text('informed_by'),
  informMethod: text('inform_method').$type<InformMethod>(),
  isInformedLate: boolean('is_informed_late'),
  organisedAt: instant('organised_at'),
  organisedBy: text('organised_by'),
  team: text('team').array(),
  startsAt: instant('starts_at'),
  isOrganisedLate: boolean('is_organised_late'),
  lateReason: text('late_reason'),
  overdueNotifiedAt: instant('overdue_notified_at'),
  feeDirams: bigint('fee_dirams', { mode: 'bigint' }).notNull(),
  feeValidFrom: date('fee_valid_from').notNull(),
  feeFromKm: integer('fee_from_km').notNull(),
  feeToKm: integer('fee_to_km'),
  paymentOrderVersion: integer('payment_order_version'),
  startedAt: instant('started_at'),
  completedAt: instant('completed_at'),
  completionNote: text('completion_note'),
  cancelledAt: instant('cancelled_at'),
  cancelledBy: text('cancelled_by'),
  cancelReason: text('cancel_reason'),
  updatedAt: instant('updated_at').notNull(),
});
export type EscortRow = typeof escorts.$inferSelect;

export const escortEvents = customs.table('escort_events', {
  id: uuid('id').primaryKey(),
  escortId: uuid('escort_id').notNull(),
  at: instant('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  fromState: text('from_state').$type<EscortState>(),
  toState: text('to_state').$type<EscortState>().notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
});
export type EscortEventRow = typeof escortEvents.$inferSelect;
