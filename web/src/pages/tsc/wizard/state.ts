import type { ApiError } from '../../../api/client.ts';
import type { Business, Model, Operations } from '../../../api/types.gen.ts';
import { fileToBase64, mediaTypeOf } from '../../../lib/files.ts';
import { nowInDushanbeLocal, todayInDushanbe } from '../../../lib/format.ts';

export type ApplicationBody = Operations['POST /api/fiscal/applications']['body'];
export type AttachmentKind = ApplicationBody['attachments'][number]['kind'];

/** p.20 / Annex 1: the three attachments the TSC must collect; the certificate comes from the model registry. */
export const REQUIRED_ATTACHMENTS = [
  'place_of_activity_document',
  'service_contract',
  'address_and_place_of_activity',
] as const satisfies readonly AttachmentKind[];

export type WizardState = {
  tin: string;
  business: Business | undefined;
  registerKind: Model['kind'];
  modelId: string | null;
  manufacturerNumber: string;
  softwareVersion: string;
  fiscalModuleNumber: string;
  placeOfActivity: string;
  files: Record<(typeof REQUIRED_ATTACHMENTS)[number], File | null>;
  additional: File[];
  signatory: string;
  signedOn: string;
  phone: string;
  submittedAs: 'paper' | 'electronic';
  signature: string;
  /** datetime-local text, read as Dushanbe time. */
  receivedAt: string;
  isInWorkingOrder: boolean;
  isCorrectProgramInstalled: boolean;
  previousApplicationId: string | undefined;
};

export const emptyWizard = (): WizardState => ({
  tin: '',
  business: undefined,
  registerKind: 'virtual',
  modelId: null,
  manufacturerNumber: '',
  softwareVersion: '',
  fiscalModuleNumber: '',
  placeOfActivity: '',
  files: { place_of_activity_document: null, service_contract: null, address_and_place_of_activity: null },
  additional: [],
  signatory: '',
  signedOn: todayInDushanbe(),
  phone: '',
  submittedAs: 'paper',
  signature: '',
  receivedAt: nowInDushanbeLocal(),
  isInWorkingOrder: false,
  isCorrectProgramInstalled: false,
  previousApplicationId: undefined,
});

export const STEPS = ['business', 'register', 'documents', 'signing', 'review'] as const;
export type Step = (typeof STEPS)[number];

/** Which step holds each body field, so that a server error opens the step where it can be fixed. */
const FIELD_STEP: Record<string, Step> = {
  businessTin: 'business',
  businessName: 'business',
  address: 'business',
  modelId: 'register',
  manufacturerNumber: 'register',
  softwareVersion: 'register',
  fiscalModuleNumber: 'register',
  placeOfActivity: 'register',
  attachments: 'documents',
  signatory: 'signing',
  signedOn: 'signing',
  phone: 'signing',
  submittedAs: 'signing',
  signature: 'signing',
  receivedAt: 'signing',
  technicalCheck: 'signing',
};

export function stepOfError(error: ApiError): Step | undefined {
  const fields = [error.field, ...error.errors.map((e) => e.field)].filter((f): f is string => Boolean(f));
  const steps = fields.map((f) => FIELD_STEP[f.replace(/^body\./, '').split(/[.[]/)[0] ?? '']).filter((s): s is Step => s !== undefined);
  return STEPS.find((s) => steps.includes(s));
}

/** What is missing before the step can be left; the server checks everything again. */
export function missingOnStep(s: WizardState, step: Step): string[] {
  const blank = (v: string) => v.trim() === '';
  switch (step) {
    case 'business':
      return s.business ? [] : ['businessTin'];
    case 'register':
      return [
        ...(s.modelId ? [] : ['modelId']),
        ...(['manufacturerNumber', 'softwareVersion', 'fiscalModuleNumber', 'placeOfActivity'] as const).filter((k) => blank(s[k])),
      ];
    case 'documents':
      return REQUIRED_ATTACHMENTS.filter((k) => !s.files[k]);
    case 'signing':
      return [
        ...(['signatory', 'signedOn', 'phone'] as const).filter((k) => blank(s[k])),
        ...(s.submittedAs === 'electronic' && blank(s.signature) ? ['signature'] : []),
        ...(s.isInWorkingOrder && s.isCorrectProgramInstalled ? [] : ['technicalCheck']),
      ];
    case 'review':
      return [];
  }
}

async function attachment(kind: AttachmentKind, file: File): Promise<ApplicationBody['attachments'][number]> {
  return { kind, fileName: file.name, mediaType: mediaTypeOf(file), contentBase64: await fileToBase64(file) };
}

/** The body of POST /api/fiscal/applications for a registration (Annex 1). */
export async function registrationBody(s: WizardState): Promise<ApplicationBody> {
  const files = await Promise.all([
    ...REQUIRED_ATTACHMENTS.flatMap((k) => (s.files[k] ? [attachment(k, s.files[k])] : [])),
    ...s.additional.map((f) => attachment('additional', f)),
  ]);
  return {
    kind: 'registration',
    businessTin: s.tin.trim(),
    modelId: s.modelId ?? undefined,
    manufacturerNumber: s.manufacturerNumber.trim(),
    softwareVersion: s.softwareVersion.trim(),
    fiscalModuleNumber: s.fiscalModuleNumber.trim(),
    placeOfActivity: s.placeOfActivity.trim(),
    signatory: s.signatory.trim(),
    signedOn: s.signedOn,
    phone: s.phone.trim(),
    submittedAs: s.submittedAs,
    ...(s.submittedAs === 'electronic' ? { signature: s.signature.trim() } : {}),
    receivedAt: `${s.receivedAt}:00+05:00`,
    technicalCheck: { isInWorkingOrder: s.isInWorkingOrder, isCorrectProgramInstalled: s.isCorrectProgramInstalled },
    attachments: files,
    ...(s.previousApplicationId ? { previousApplicationId: s.previousApplicationId } : {}),
  };
}
