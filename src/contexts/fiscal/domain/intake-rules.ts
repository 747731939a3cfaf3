import { canonicalJson } from '../../../platform/canonical-json.ts';
import { arithmeticProblems, type DocumentProblem, missingMandatoryFields } from './document-rules.ts';
import type { FiscalDocument } from '../../../platform/fiscal-document.ts';

/**
 * Why the operator refuses a document (p.3, p.52, p.67, p.70, p.79, section 6). Each code is in
 * the error catalogue with its titles; docs/fiscal-documents.md says what the register should do.
 */
export type IntakeRefusal =
  | 'MODULE_UNKNOWN'
  | 'MODULE_NOT_INITIALISED'
  | 'MODULE_NOT_INSTALLED'
  | 'DOCUMENT_MAC_INVALID'
  | 'FISCAL_SIGN_INVALID'
  | 'REGISTER_DEREGISTERED'
  | 'REGISTER_LOST'
  | 'REGISTER_NUMBER_MISMATCH'
  | 'MODEL_NOT_USABLE'
  | 'BUSINESS_DATA_CHANGED'
  | 'BUSINESS_MISMATCH'
  | 'TSC_NOT_ACTIVE'
  | 'RECEIPT_FIELDS_MISSING'
  | 'RECEIPT_SUMS_WRONG'
  | 'DOCUMENT_FROM_THE_FUTURE'
  | 'NUMBER_REUSED'
  | 'REFUND_ORIGINAL_NOT_FOUND'
  | 'REFUND_EXCEEDS_SALE'
  | 'REFUND_DOES_NOT_MATCH';

/** The bytes the fiscal sign covers: the whole document but its fiscal sign and MAC. */
export function fiscalSignBytes(doc: FiscalDocument): Buffer {
  const { fiscalSign: _fs, mac: _mac, ...core } = doc;
  return Buffer.from(canonicalJson(core));
}

/** The bytes the module's MAC covers: the whole document but the MAC itself (p.79). */
export function macBytes(doc: FiscalDocument): Buffer {
  const { mac: _mac, ...signed } = doc;
  return Buffer.from(canonicalJson(signed));
}

/** What the registries say about the register sending the document. */
export type RegisterFacts = {
  readonly manufacturerNumber: string;
  readonly registerStatus: 'registered' | 'deregistered';
  readonly isLost: boolean;
  readonly businessTin: string;
  readonly isBusinessDataCurrent: boolean;
  readonly isModelUsable: boolean;
  readonly isTscActive: boolean;
};

export type Verdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: IntakeRefusal; readonly problems?: readonly DocumentProblem[]; readonly isProhibitedUse: boolean };

/** Clock skew allowed between the register and the operator before a document is "from the future" (anchors §4.16). */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/**
 * The checks after authenticity (MAC and fiscal sign, verified by the caller): the prohibitions of
 * p.67 and p.70 and the content of the receipt (p.9). Prohibited use is reported to the tax
 * authority by the caller.
 */
export function judgeDocument(doc: FiscalDocument, r: RegisterFacts, receivedAt: Date): Verdict {
  const prohibited = (code: IntakeRefusal): Verdict => ({ ok: false, code, isProhibitedUse: true });
  if (r.registerStatus !== 'registered') return prohibited('REGISTER_DEREGISTERED');
  if (r.isLost) return prohibited('REGISTER_LOST');
  if (!r.isModelUsable) return prohibited('MODEL_NOT_USABLE');
  if (!r.isTscActive) return prohibited('TSC_NOT_ACTIVE');
  if (!r.isBusinessDataCurrent) return prohibited('BUSINESS_DATA_CHANGED');
  if (doc.registerNumber !== r.manufacturerNumber) return prohibited('REGISTER_NUMBER_MISMATCH');
  if (Date.parse(doc.issuedAt) - receivedAt.getTime() > MAX_CLOCK_AHEAD_MS) return { ok: false, code: 'DOCUMENT_FROM_THE_FUTURE', isProhibitedUse: false };
  if (doc.type !== 'receipt') return { ok: true };
  if (doc.business.tin !== r.businessTin) return prohibited('BUSINESS_MISMATCH');
  const missing = missingMandatoryFields(doc);
  if (missing.length > 0) return { ok: false, code: 'RECEIPT_FIELDS_MISSING', problems: missing, isProhibitedUse: true };
  const sums = arithmeticProblems(doc);
  if (sums.length > 0) return { ok: false, code: 'RECEIPT_SUMS_WRONG', problems: sums, isProhibitedUse: false };
  return { ok: true };
}
