import { ATTACHMENT_NAMES, findingMessage, MODULE_NOT_HANDED_OVER } from './finding-messages.ts';
import { type ModelEntry, modelUsability } from './model-registry.ts';
import type { ApplicationForm, ApplicationKind, AttachmentKind, Finding, FiscalModuleStatus, Ground, GroundCode } from './types.ts';

/**
 * Attachments each application needs. Registration and re-registration (Annex 1): the four of
 * p.20 (FIS-REG-03 to 06); the certificate is linked from the model registry when the model has one
 * there (p.21: what the database holds is filled in automatically; catalog ambiguity 4).
 * Address change: documents confirming the new address (p.30). Deregistration: the basis (A3 item 1).
 */
export function requiredAttachments(kind: ApplicationKind): readonly AttachmentKind[] {
  switch (kind) {
    case 'registration':
    case 're_registration':
      return ['place_of_activity_document', 'service_contract', 'address_and_place_of_activity', 'security_certificate'];
    case 'address_change':
      return ['new_address_document'];
    case 'deregistration':
      return ['deregistration_basis'];
  }
}

/** What the registries say about an application, gathered by the use case before deciding. */
export type ApplicationFacts = {
  readonly kind: ApplicationKind;
  readonly form: ApplicationForm;
  readonly attachmentKinds: readonly AttachmentKind[];
  readonly tscId: string;
  /** Dushanbe date of the check. */
  readonly today: string;
  readonly business: { readonly name: string; readonly inspectorateCode: string };
  /** The model or program named in the form (registration, or a replaced register). */
  readonly model?: (ModelEntry & { readonly name: string }) | undefined;
  /** The fiscal module named in the form, when it is new to the register. */
  readonly fiscalModule?: { readonly status: FiscalModuleStatus; readonly tscId: string; readonly registerId: string | null } | null;
  /** Another registered register already has this model and manufacturer number. */
  readonly isDeviceRegistered?: boolean;
  /** The register the application is about (everything but a first registration). */
  readonly register?: { readonly manufacturerNumber: string; readonly fiscalModuleNumber: string; readonly businessTin: string } | undefined;
};

const finding = (code: Finding['code'], ground: GroundCode, field: string, values: Record<string, string> = {}): Finding => {
  const message = findingMessage(code, values);
  return { code, ground, field, detail: message.en, message };
};

const missingAttachment = (field: string, what: { tg: string; ru: string; en: string }): Finding => {
  const message = { tg: `Замима нест: ${what.tg}`, ru: `Нет вложения: ${what.ru}`, en: `Missing attachment: ${what.en}` };
  return { code: 'MISSING_ATTACHMENT', ground: 'DOCUMENTS_INCOMPLETE', field, detail: message.en, message };
};

/**
 * The checks made before an application is entered (p.21, p.24, p.26, p.33). Every finding is
 * returned, not just the first, so the refusal notice can state the exact reasons (p.27).
 */
export function checkApplication(f: ApplicationFacts): Finding[] {
  const out: Finding[] = [];
  const hasCertificateOnFile = f.model !== undefined && f.model.status === 'included';
  for (const kind of requiredAttachments(f.kind)) {
    if (kind === 'security_certificate' && hasCertificateOnFile) continue;
    if (!f.attachmentKinds.includes(kind)) out.push(missingAttachment(`attachments.${kind}`, ATTACHMENT_NAMES[kind] ?? { tg: kind, ru: kind, en: kind }));
  }
  if (f.kind === 'deregistration' && f.form.isFiscalModuleHandedOver !== true) {
    out.push(missingAttachment('isFiscalModuleHandedOver', MODULE_NOT_HANDED_OVER));
  }
  if (f.kind === 'registration' || (f.kind === 're_registration' && f.model)) {
    if (!f.model) {
      out.push(finding('MODEL_NOT_INCLUDED', 'MODEL_NOT_IN_STATE_REGISTRY', 'modelId', { model: f.form.modelName }));
    } else {
      const usable = modelUsability(f.model, f.today);
      if (!usable.isUsable) {
        out.push(
          usable.reason === 'EXCLUDED'
            ? finding('MODEL_NOT_INCLUDED', 'MODEL_NOT_IN_STATE_REGISTRY', 'modelId', { model: f.model.name })
            : finding('MODEL_CERTIFICATE_INVALID', 'MODEL_NOT_IN_STATE_REGISTRY', 'modelId', { model: f.model.name, date: f.today }),
        );
      }
      if (f.model.kind !== f.form.registerKind) {
        out.push(finding('MODEL_KIND_MISMATCH', 'DATA_DISCREPANCY', 'registerKind', { form: f.form.registerKind, registry: f.model.kind }));
      }
    }
  }
  if (normaliseName(f.form.businessName) !== normaliseName(f.business.name)) {
    out.push(finding('NAME_MISMATCH', 'DATA_DISCREPANCY', 'businessName', { form: f.form.businessName, registry: f.business.name }));
  }
  if (f.form.inspectorateCode !== f.business.inspectorateCode) {
    out.push(
      finding('INSPECTORATE_MISMATCH', 'DATA_DISCREPANCY', 'inspectorateCode', { registry: f.business.inspectorateCode, form: f.form.inspectorateCode }),
    );
  }
  if (f.fiscalModule !== undefined) out.push(...checkFiscalModule(f));
  if (f.isDeviceRegistered) {
    out.push(finding('DEVICE_ALREADY_REGISTERED', 'DATA_DISCREPANCY', 'manufacturerNumber', { number: f.form.manufacturerNumber }));
  }
  if (f.register && f.kind === 'deregistration') {
    if (f.register.fiscalModuleNumber !== f.form.fiscalModuleNumber || f.register.manufacturerNumber !== f.form.manufacturerNumber) {
      out.push(finding('REGISTER_MISMATCH', 'DATA_DISCREPANCY', 'fiscalModuleNumber'));
    }
  }
  return out;
}

function checkFiscalModule(f: ApplicationFacts): Finding[] {
  const fm = f.fiscalModule;
  const number = f.form.fiscalModuleNumber;
  if (fm === null || fm === undefined) return [finding('FISCAL_MODULE_UNKNOWN', 'DATA_DISCREPANCY', 'fiscalModuleNumber', { number })];
  if (fm.tscId !== f.tscId) return [finding('FISCAL_MODULE_NOT_WITH_TSC', 'DATA_DISCREPANCY', 'fiscalModuleNumber', { number })];
  // p.65, p.68: one fiscal module serves one register only.
  if (fm.status !== 'supplied' && fm.status !== 'registered') {
    return [finding('FISCAL_MODULE_IN_USE', 'DATA_DISCREPANCY', 'fiscalModuleNumber', { number, status: fm.status })];
  }
  return [];
}

/** Names compare without case, quotes and repeated spaces («Ситора» = "СИТОРА"). */
export function normaliseName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[«»"'“”„]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The automatic decision on an application once it is entered. */
export type Outcome =
  /** p.26 (1) and (3) need no study: the set is incomplete or the model is not in the registry. */
  | { readonly status: 'refused'; readonly grounds: readonly Ground[] }
  /** p.24, p.33: discrepancies go to the local tax authority for study (1 working day). */
  | { readonly status: 'under_study' }
  /** Clean: the register is entered at once. */
  | { readonly status: 'completed' };

const REFERENCES: { readonly [K in GroundCode]: string } = {
  DOCUMENTS_INCOMPLETE: 'p.26 (1)',
  DATA_DISCREPANCY: 'p.26 (2)',
  MODEL_NOT_IN_STATE_REGISTRY: 'p.26 (3)',
};

/** Refusal grounds from findings, one per finding, each with its legal reference and exact detail. */
export function groundsOf(findings: readonly Finding[]): Ground[] {
  return findings.map((f) => ({ code: f.ground, ref: REFERENCES[f.ground], detail: f.detail, message: f.message }));
}

export function decideOnEntry(findings: readonly Finding[]): Outcome {
  if (findings.some((f) => f.ground !== 'DATA_DISCREPANCY')) return { status: 'refused', grounds: groundsOf(findings) };
  if (findings.length > 0) return { status: 'under_study' };
  return { status: 'completed' };
}
