import type { Localised } from '../../../platform/i18n.ts';

/**
 * The vocabulary of the fiscal data operator's registries (seed 004). docs/glossary.md gives the
 * statutory Tajik and Russian term for each English name.
 */

/** Online cash register (МНХ-онлайн) or virtual cash register (хазинаи шартан (вертуалӣ)), p.2. */
export type RegisterKind = 'online' | 'virtual';

export type BusinessKind = 'legal_entity' | 'individual_entrepreneur';
export type TaxRegime = 'general' | 'simplified' | 'patent' | 'certificate' | 'agricultural_single_tax';

/** The five exemptions of p.4 (FIS-GEN-13 to FIS-GEN-17): who need not use a register. */
export type Exemption =
  /** Issues documents equal to strict-accountability documents (tickets, coupons, stamps…). */
  | 'strict_accountability_documents'
  /** An individual selling agricultural produce of a household plot. */
  | 'household_produce'
  /** Payer of the single tax for agricultural producers. */
  | 'agricultural_single_tax'
  /** Individual entrepreneur under a patent. */
  | 'patent'
  /** Individual entrepreneur under a certificate, at non-stationary places. */
  | 'certificate_non_stationary';

/** Annex 1 (registration, re-registration; p.30 address change) or Annex 3 (deregistration). */
export type ApplicationKind = 'registration' | 're_registration' | 'address_change' | 'deregistration';

/**
 * States of a register application.
 * - `received`: entered by the TSC; the 4-working-hour clock (p.22) or 1-working-day clock (p.32) runs.
 * - `under_study`: a discrepancy was found; the local tax authority studies it within 1 working day (p.24, p.33).
 * - `completed`: registered, re-registered, moved or deregistered; the card (A2) shows it.
 * - `refused`: refused on the grounds of p.26; the notice has gone to the TSC and the business (p.27).
 */
export type ApplicationStatus = 'received' | 'under_study' | 'completed' | 'refused';

/** Why a re-registration is filed (p.30, FIS-REG-21); `other` needs free text. */
export type ReRegistrationReason =
  | 'fiscal_module_faulty'
  | 'fiscal_module_expired'
  | 'fiscal_module_memory_full'
  | 'register_replaced'
  | 'business_data_changed'
  | 'other';

/** The attachments of p.20 (FIS-REG-03 to 06; Annex 1 lists the first three) and of Annex 3. */
export type AttachmentKind =
  | 'place_of_activity_document'
  | 'service_contract'
  | 'address_and_place_of_activity'
  | 'security_certificate'
  | 'new_address_document'
  | 'deregistration_basis'
  | 'additional'
  | 'manufacturer_contract'
  | 'premises_document'
  | 'call_centre_information'
  | 'certified_employees'
  | 'specialist_information'
  | 'specialist_certificate';

/** A refusal ground with its legal reference; `detail` says exactly what is wrong (p.27: exact reasons). */
export type Ground = {
  readonly code: GroundCode;
  readonly ref: string;
  /** The exact reason as written (an officer's note stays in the language it was written in). */
  readonly detail: string;
  /** The same reason in the three languages, when the system stated it. */
  readonly message?: Localised;
};

export type GroundCode =
  /** p.26 (1), p.103 (1), p.114 (1): the full set of documents was not submitted. */
  | 'DOCUMENTS_INCOMPLETE'
  /** p.26 (2), p.103 (2), p.114 (2): the data or documents contain discrepancies or wrong information. */
  | 'DATA_DISCREPANCY'
  /** p.26 (3): the model or program is not in the state registry (or has no valid certificate, p.3). */
  | 'MODEL_NOT_IN_STATE_REGISTRY';

/** What the automatic checks against the registries found (p.21, p.24, p.33). */
export type Finding = {
  readonly code: FindingCode;
  readonly ground: GroundCode;
  readonly field: string;
  /** English text of `message`, kept for logs and older clients. */
  readonly detail: string;
  readonly message: Localised;
};

export type FindingCode =
  | 'MISSING_ATTACHMENT'
  | 'MODEL_NOT_INCLUDED'
  | 'MODEL_CERTIFICATE_INVALID'
  | 'MODEL_KIND_MISMATCH'
  | 'NAME_MISMATCH'
  | 'INSPECTORATE_MISMATCH'
  | 'FISCAL_MODULE_UNKNOWN'
  | 'FISCAL_MODULE_NOT_WITH_TSC'
  | 'FISCAL_MODULE_IN_USE'
  | 'DEVICE_ALREADY_REGISTERED'
  | 'REGISTER_MISMATCH';

/** Every field of Annex 1 / Annex 3 as captured (FIS-AX1-*, FIS-AX3-*). */
export type ApplicationForm = {
  /** AX1-01 / AX3-01: the TSC and its head. */
  readonly addressee: { readonly tscName: string; readonly tscHeadName: string };
  /** AX1-03 / AX3-03. */
  readonly registerKind: RegisterKind;
  readonly modelName: string;
  /** AX1-04 / AX3-04: manufacturer number (version). */
  readonly manufacturerNumber: string;
  readonly softwareVersion: string;
  /** AX1-05 / AX3-05. */
  readonly fiscalModuleNumber: string;
  /** AX1-06 / AX3-06: tax inspectorate (code and name). */
  readonly inspectorateCode: string;
  readonly inspectorateName: string;
  /** AX1-07. */
  readonly tin: string;
  /** AX1-08: the taxpayer's address. */
  readonly address: string;
  /** AX1-09: name of the legal entity or full name of the entrepreneur. */
  readonly businessName: string;
  /** AX1-10: address of the place of activity. */
  readonly placeOfActivity: string;
  /** AX3-11: the reason for deregistration (free text); for re-registration, the reason code and text. */
  readonly reason?: string;
  readonly reRegistrationReason?: ReRegistrationReason;
  /** p.30: the day the activity moved to the new address (address change). */
  readonly movedOn?: string;
  /** AX3-13: the fiscal module was handed over with the application. */
  readonly isFiscalModuleHandedOver?: boolean;
  /** AX1-14 / AX3-15. */
  readonly signatory: string;
  /** AX1-16 / AX3-17 (date of the applicant's signature, YYYY-MM-DD). */
  readonly signedOn: string;
  /** AX1-17 / AX3-18. */
  readonly phone: string;
  /** Paper or electronic (p.19). */
  readonly submittedAs: 'electronic' | 'paper';
};

/** AX1-15 / AX3-16: the applicant's signature. Electronic: a verified EDS; paper: the scan is attached. */
export type SignatureRecord =
  | {
      readonly kind: 'electronic';
      readonly algorithm: 'Ed25519' | 'ECDSA-P256-SHA256';
      readonly value: string;
      readonly verifiedAt: string;
      readonly keyFingerprint: string;
    }
  | { readonly kind: 'handwritten'; readonly note: string };

export type TscApplicationStatus = 'received' | 'site_check' | 'included' | 'refused';
export type TscRemovalGround = 'liquidation_or_bankruptcy' | 'legal_requirements_changed' | 'unauthorised_parameter_change';
export type BranchStatus = 'applied' | 'registered' | 'refused' | 'deregistered';
export type SpecialistStatus = 'applied' | 'registered' | 'refused' | 'revoked';

/**
 * Custody of a fiscal module (p.53 item 12, p.56, p.98):
 * `supplied` to a TSC by the operator; `registered` at the TSC's request; `installed` in one register;
 * `awaiting_return` back with the TSC, to be returned within 1 month (or 5 days after the TSC's removal);
 * `returned` to the operator for safekeeping.
 */
export type FiscalModuleStatus = 'supplied' | 'registered' | 'installed' | 'awaiting_return' | 'returned';

export type RegisterEventKind = 'registered' | 're_registered' | 'address_changed' | 'deregistered' | 'lost' | 'inspected';
export type IncidentKind = 'loss' | 'breakdown';
export type IncidentChannel = 'cabinet' | 'call_centre' | 'in_person';
export type ResponsibleKind = 'org' | 'unit' | 'inspectorate' | 'operator' | 'authorised_body' | 'business';

/** Every legal time limit the registries track; docs/processes/fiscal-registration.md lists them. */
export type DeadlineKind =
  | 'REGISTRATION_ENTRY'
  | 'DISCREPANCY_STUDY'
  | 'REFUSAL_NOTICE'
  | 'ADDRESS_CHANGE_APPLICATION'
  | 'ADDRESS_CHANGE_ENTRY'
  | 'DEREGISTRATION_ENTRY'
  | 'DEREGISTRATION_SITE_CHECK'
  | 'LOSS_REPORT'
  | 'BREAKDOWN_TAX_NOTICE'
  | 'ANNUAL_INSPECTION'
  | 'INSPECTION_RECORD'
  | 'TSC_DECISION'
  | 'TSC_SITE_CHECK'
  | 'TSC_REMOVAL_NOTICE'
  | 'TSC_REMOVAL_BUSINESS_NOTICE'
  | 'FISCAL_MODULES_RETURN_AFTER_REMOVAL'
  | 'FISCAL_MODULE_RETURN'
  | 'BRANCH_REPLY'
  | 'BRANCH_DEREGISTRATION_NOTICE'
  | 'BRANCH_DEREGISTRATION_BUSINESS_NOTICE';
