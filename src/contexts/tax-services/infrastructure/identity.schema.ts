/**
 * Drizzle tables of the identity services (migrations/0013_tax_services_identity.sql is the source
 * of truth): the taxpayer register, the access log, spent challenges, secrets, TIN certificates,
 * the outgoing message queue and the EDS authority, applications and certificates.
 */
import { bigint, boolean, date, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TaxpayerKind } from '../domain/identity.ts';
import { taxServices } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const taxpayers = taxServices.table('taxpayers', {
  id: uuid('id').primaryKey(),
  tin: text('tin').notNull(),
  kind: text('kind').$type<TaxpayerKind>().notNull(),
  surname: text('surname'),
  givenName: text('given_name'),
  patronymic: text('patronymic'),
  organisationName: text('organisation_name'),
  birthDate: date('birth_date'),
  passportSeries: text('passport_series'),
  passportNumber: text('passport_number'),
  address: text('address').notNull(),
  unitId: uuid('unit_id').notNull(),
  registeredAt: ts('registered_at').notNull(),
  status: text('status').$type<'active' | 'deregistered'>().notNull().default('active'),
  deregisteredAt: ts('deregistered_at'),
  isVatPayer: boolean('is_vat_payer').notNull().default(false),
  registeredBy: text('registered_by').notNull(),
});
export type TaxpayerRow = typeof taxpayers.$inferSelect;

export const identityAccessLog = taxServices.table('identity_access_log', {
  id: uuid('id').primaryKey(),
  at: ts('at').notNull(),
  purpose: text('purpose').$type<'tin_lookup' | 'counterparty' | 'register_read'>().notNull(),
  channel: text('channel').$type<'website' | 'cabinet' | 'phone_152' | 'office'>().notNull(),
  actor: text('actor').notNull(),
  clientKey: text('client_key'),
  outcome: text('outcome').$type<'found' | 'not_found'>().notNull(),
  taxpayerId: uuid('taxpayer_id'),
  challengeId: text('challenge_id'),
});

export const spentChallenges = taxServices.table('spent_challenges', {
  id: text('id').primaryKey(),
  expiresAt: ts('expires_at').notNull(),
});

export const secrets = taxServices.table('secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const tinCertificates = taxServices.table('tin_certificates', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  taxpayerId: uuid('taxpayer_id').notNull(),
  tin: text('tin').notNull(),
  requestId: uuid('request_id').notNull(),
  resultId: uuid('result_id').notNull(),
  sha256: text('sha256').notNull(),
  issuedAt: ts('issued_at').notNull(),
});

export const outgoingMessages = taxServices.table('outgoing_messages', {
  id: uuid('id').primaryKey(),
  channel: text('channel').$type<'email' | 'sms'>().notNull(),
  address: text('address').notNull(),
  subject: text('subject'),
  body: text('body').notNull(),
  secret: text('secret'),
  kind: text('kind').notNull(),
  tin: text('tin'),
  requestId: uuid('request_id'),
  attachmentResultId: uuid('attachment_result_id'),
  createdAt: ts('created_at').notNull(),
  sentAt: ts('sent_at'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
});
export type OutgoingMessageRow = typeof outgoingMessages.$inferSelect;

export const edsPrices = taxServices.table('eds_prices', {
  id: uuid('id').primaryKey(),
  taxpayerKind: text('taxpayer_kind').$type<TaxpayerKind>().notNull(),
  amountDirams: bigint('amount_dirams', { mode: 'number' }).notNull(),
  effectiveFrom: date('effective_from').notNull(),
  note: text('note'),
});

export const edsCa = taxServices.table('eds_ca', {
  name: text('name').primaryKey(),
  certificatePem: text('certificate_pem').notNull(),
  privateKeyPkcs8: text('private_key_pkcs8').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const edsApplications = taxServices.table('eds_applications', {
  id: uuid('id').primaryKey(),
  tin: text('tin').notNull(),
  taxpayerId: uuid('taxpayer_id').notNull(),
  status: text('status').$type<'pending' | 'issued' | 'cancelled'>().notNull(),
  keySource: text('key_source').$type<'csr' | 'spki'>().notNull(),
  publicKeySpki: text('public_key_spki').notNull(),
  priceDirams: bigint('price_dirams', { mode: 'number' }).notNull(),
  renewsCertificateId: uuid('renews_certificate_id'),
  contactEmail: text('contact_email'),
  contactPhone: text('contact_phone'),
  appliedAt: ts('applied_at').notNull(),
  appliedBy: text('applied_by').notNull(),
  contractSignedAt: ts('contract_signed_at'),
  paidAt: ts('paid_at'),
  paymentReference: text('payment_reference'),
  paymentRecordedBy: text('payment_recorded_by'),
  paymentRecordedAt: ts('payment_recorded_at'),
  requestId: uuid('request_id'),
});
export type EdsApplicationRow = typeof edsApplications.$inferSelect;

export const edsCertificates = taxServices.table('eds_certificates', {
  id: uuid('id').primaryKey(),
  serialNumber: text('serial_number').notNull(),
  applicationId: uuid('application_id').notNull(),
  tin: text('tin').notNull(),
  taxpayerId: uuid('taxpayer_id').notNull(),
  subject: text('subject').notNull(),
  certificatePem: text('certificate_pem').notNull(),
  sha256: text('sha256').notNull(),
  publicKeySha256: text('public_key_sha256').notNull(),
  notBefore: ts('not_before').notNull(),
  notAfter: ts('not_after').notNull(),
  issuedAt: ts('issued_at').notNull(),
  revokedAt: ts('revoked_at'),
  revocationReason: text('revocation_reason'),
  renewedBy: uuid('renewed_by'),
  reminded30At: ts('reminded_30_at'),
  reminded7At: ts('reminded_7_at'),
});
export type EdsCertificateRow = typeof edsCertificates.$inferSelect;
