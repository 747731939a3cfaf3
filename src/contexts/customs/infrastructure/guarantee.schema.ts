/**
 * Drizzle definitions of the guarantee registry (migrations/0019_customs_payments.sql is the source
 * of truth). Indicators are numeric(14,2) read as text; money is bigint dirams.
 */
import { bigint, date, jsonb, numeric, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { GeneralActivity, GuaranteeForm, GuaranteePurpose, GuaranteeScope, GuaranteeStatus, ParameterCode } from '../domain/guarantees.ts';
import { customs } from './schema.ts';

const dirams = (name: string) => bigint(name, { mode: 'bigint' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** An electronic document of an application (art.388 p.5): kind, file name, SHA-256 of its content. */
export type StoredDocument = { readonly kind: string; readonly name: string; readonly sha256: string };

export const guarantees = customs.table('guarantees', {
  id: uuid('id').primaryKey(),
  reference: text('reference').notNull(),
  holderTin: text('holder_tin').notNull(),
  scope: text('scope').$type<GuaranteeScope>().notNull(),
  activity: text('activity').$type<GeneralActivity>(),
  securedReference: text('secured_reference'),
  purposes: text('purposes').array().$type<GuaranteePurpose[]>().notNull(),
  form: text('form').$type<GuaranteeForm>().notNull(),
  warehouseType: text('warehouse_type').$type<'open' | 'closed'>(),
  openSiteM2: numeric('open_site_m2'),
  buildingM3: numeric('building_m3'),
  amountIndicators: numeric('amount_indicators').notNull(),
  requiredIndicators: numeric('required_indicators'),
  indicatorValueDirams: dirams('indicator_value_dirams').notNull(),
  indicatorDate: day('indicator_date').notNull(),
  amountDirams: dirams('amount_dirams').notNull(),
  validFrom: day('valid_from').notNull(),
  validTo: day('valid_to').notNull(),
  status: text('status').$type<GuaranteeStatus>().notNull(),
  documents: jsonb('documents').$type<StoredDocument[]>().notNull(),
  appliedBy: text('applied_by').notNull(),
  appliedAt: instant('applied_at').notNull(),
  decidedBy: text('decided_by'),
  decidedAt: instant('decided_at'),
  decisionForm: text('decision_form').$type<'electronic' | 'written'>(),
  decisionReason: text('decision_reason'),
});
export type GuaranteeRow = typeof guarantees.$inferSelect;

export const guaranteeUses = customs.table('guarantee_uses', {
  id: uuid('id').primaryKey(),
  guaranteeId: uuid('guarantee_id').notNull(),
  useReference: text('use_reference').notNull(),
  amountDirams: dirams('amount_dirams').notNull(),
  drawnAt: instant('drawn_at').notNull(),
  releasedAt: instant('released_at'),
});

export const guaranteeParameters = customs.table('guarantee_parameters', {
  code: text('code').$type<ParameterCode>().notNull(),
  validFrom: day('valid_from').notNull(),
  validTo: day('valid_to'),
  indicators: numeric('indicators').notNull(),
  legalBasis: text('legal_basis').notNull(),
});
