/**
 * Drizzle tables of preliminary information, outages and the arrival parameters
 * (migrations/0018_customs_arrival.sql is the source of truth).
 */
import { boolean, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { OutageCause, PiCarrier, PiGoodsLine, PiPassenger, PiState, PiTransportMode, PiUse, PiVehicle } from '../domain/preliminary.ts';
import { customs } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const arrivalSettings = customs.table('arrival_settings', {
  id: boolean('id').primaryKey(),
  piRegistration: text('pi_registration').$type<'automatic' | 'manual'>().notNull(),
  piKeptDays: integer('pi_kept_days').notNull(),
  storageOrdinaryDays: integer('storage_ordinary_days').notNull(),
  storageMaximumDays: integer('storage_maximum_days').notNull(),
  storageWarningDays: integer('storage_warning_days').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

export const outages = customs.table('outages', {
  id: uuid('id').primaryKey(),
  startedAt: ts('started_at').notNull(),
  endedAt: ts('ended_at'),
  cause: text('cause').$type<OutageCause>().notNull(),
  description: text('description').notNull(),
  officeCodes: text('office_codes').array().notNull(),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: ts('recorded_at').notNull(),
});
export type OutageRow = typeof outages.$inferSelect;

export const preliminaryInformation = customs.table('preliminary_information', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  status: text('status').$type<PiState>().notNull(),
  channel: text('channel').$type<'electronic' | 'paper'>().notNull(),
  outageId: uuid('outage_id'),
  keyedBy: text('keyed_by'),
  transportMode: text('transport_mode').$type<PiTransportMode>().notNull(),
  submitterRole: text('submitter_role').$type<'declarant' | 'carrier'>().notNull(),
  submitterTin: text('submitter_tin').notNull(),
  declarantTin: text('declarant_tin'),
  arrivalOffice: text('arrival_office').notNull(),
  expectedArrivalAt: ts('expected_arrival_at').notNull(),
  carrier: jsonb('carrier').$type<PiCarrier>().notNull(),
  vehicles: jsonb('vehicles').$type<PiVehicle[]>().notNull(),
  goods: jsonb('goods').$type<PiGoodsLine[]>().notNull(),
  passengers: jsonb('passengers').$type<PiPassenger[]>().notNull(),
  submittedAt: ts('submitted_at').notNull(),
  registeredAt: ts('registered_at'),
  expiresAt: ts('expires_at'),
  refusedAt: ts('refused_at'),
  refusalReason: text('refusal_reason'),
  decidedBy: text('decided_by'),
  expiredAt: ts('expired_at'),
});
export type PreliminaryRow = typeof preliminaryInformation.$inferSelect;

export const preliminaryUses = customs.table('preliminary_uses', {
  id: uuid('id').primaryKey(),
  preliminaryId: uuid('preliminary_id').notNull(),
  use: text('use').$type<PiUse>().notNull(),
  usedAt: ts('used_at').notNull(),
  reference: text('reference'),
});
