/**
 * The identity services' vocabulary as the UI names it (docs/tax-services-identity.md): kinds of
 * taxpayer, EDS certificate states and signature faults; an unknown code shows as a neutral word.
 */
import type { Output } from '../../../api/client.ts';

export const TAXPAYER_KINDS = ['individual', 'individual_entrepreneur', 'legal_entity', 'dehkan_farm'] as const;
export type TaxpayerKind = (typeof TAXPAYER_KINDS)[number];
export const isTaxpayerKind = (v: unknown): v is TaxpayerKind => typeof v === 'string' && (TAXPAYER_KINDS as readonly string[]).includes(v);

export const CERTIFICATE_STATES = ['active', 'expired', 'revoked'] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];
export const isCertificateState = (v: unknown): v is CertificateState => typeof v === 'string' && (CERTIFICATE_STATES as readonly string[]).includes(v);

/** Why a signature does not verify (application/eds-verification.ts). */
export const EDS_FAULTS = [
  'certificate_unreadable',
  'not_issued_by_platform_ca',
  'unknown_certificate',
  'not_yet_valid',
  'expired',
  'revoked',
  'signature_mismatch',
] as const;
export type EdsFault = (typeof EDS_FAULTS)[number];
export const isEdsFault = (v: unknown): v is EdsFault => typeof v === 'string' && (EDS_FAULTS as readonly string[]).includes(v);

export type EdsApplication = Output<'GET /api/tax-services/eds/applications/{id}'>;
export type EdsCertificate = Output<'POST /api/tax-services/eds/certificates/{id}/revoke'>;

/** The reminders go 30 and 7 days before the end (TS-50): the page warns from 30 days. */
export const EXPIRY_WARNING_DAYS = 30;

/** Whole days from `now` to `notAfter`, rounded down (0 on the last day, negative once past). */
export const daysLeft = (notAfter: string, now: number): number => Math.floor((Date.parse(notAfter) - now) / 86_400_000);

/** The step an application is at: the contract to sign, the fee to pay, or done (12.12.02). */
export function edsStep(a: EdsApplication): 'contract' | 'payment' | 'issued' | 'cancelled' {
  if (a.status === 'issued') return 'issued';
  if (a.status !== 'pending') return 'cancelled';
  return a.contractSignedAt ? 'payment' : 'contract';
}
