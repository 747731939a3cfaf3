/**
 * Drizzle tables of form definitions, the customs value form and customs value communications
 * (migrations/0025_customs_forms.sql is the source of truth; test/schema-drift.integration.test.ts
 * checks that the two agree).
 */
import { date, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FieldRule, FormKind } from '../domain/form-definition.ts';
import type { CommunicationChannel, CommunicationDirection, CommunicationKind, ValueDecision } from '../domain/value-communication.ts';
import type { ValueFormData, ValueFormSource } from '../domain/value-form.ts';
import { customs } from './schema.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const formDefinitions = customs.table('form_definitions', {
  id: uuid('id').primaryKey(),
  kind: text('kind').$type<FormKind>().notNull(),
  version: integer('version').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  nameTg: text('name_tg').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  legalBasis: text('legal_basis').notNull(),
  rules: jsonb('rules').$type<FieldRule[]>().notNull(),
  publishedBy: text('published_by').notNull(),
  publishedAt: instant('published_at').notNull(),
});
export type FormDefinitionRow = typeof formDefinitions.$inferSelect;

export const valueForms = customs.table('value_forms', {
  declarationId: uuid('declaration_id').notNull(),
  version: integer('version').notNull(),
  source: text('source').$type<Exclude<ValueFormSource, 'declaration'>>().notNull(),
  data: jsonb('data').$type<ValueFormData>().notNull(),
  definitionId: uuid('definition_id'),
  sha256: text('sha256').notNull(),
  submittedBy: text('submitted_by').notNull(),
  submittedAt: instant('submitted_at').notNull(),
});
export type ValueFormRow = typeof valueForms.$inferSelect;

export const valueCommunications = customs.table('value_communications', {
  id: uuid('id').primaryKey(),
  declarationId: uuid('declaration_id').notNull(),
  kind: text('kind').$type<CommunicationKind>().notNull(),
  direction: text('direction').$type<CommunicationDirection>().notNull(),
  channel: text('channel').$type<CommunicationChannel>().notNull(),
  legalBasis: text('legal_basis').notNull(),
  inReplyTo: uuid('in_reply_to'),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  decision: text('decision').$type<ValueDecision>(),
  documents: jsonb('documents').$type<string[]>().notNull(),
  answerDueOn: date('answer_due_on'),
  addresseeCode: text('addressee_code').notNull(),
  sentAt: instant('sent_at').notNull(),
  deliveredAt: instant('delivered_at'),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: instant('recorded_at').notNull(),
});
export type ValueCommunicationRow = typeof valueCommunications.$inferSelect;
