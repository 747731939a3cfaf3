import type { RegisterSummary } from '../../../api/types.gen.ts';
import { fileToBase64, mediaTypeOf } from '../../../lib/files.ts';
import { nowInDushanbeLocal, todayInDushanbe } from '../../../lib/format.ts';
import type { ApplicationBody, AttachmentKind } from '../wizard/state.ts';

export type ChangeKind = 're_registration' | 'address_change' | 'deregistration';
export const CHANGE_KINDS: readonly ChangeKind[] = ['re_registration', 'address_change', 'deregistration'];
export type ReReason = NonNullable<ApplicationBody['reRegistrationReason']>;
export const RE_REASONS: readonly ReReason[] = [
  'fiscal_module_faulty',
  'fiscal_module_expired',
  'fiscal_module_memory_full',
  'register_replaced',
  'business_data_changed',
  'other',
];

/** The attachments each kind asks for (p.20 for re-registration, p.30, Annex 3), and which are optional. */
export const CHANGE_ATTACHMENTS: Record<ChangeKind, readonly { kind: AttachmentKind; isRequired: boolean; hasSheets?: boolean }[]> = {
  re_registration: [
    { kind: 'place_of_activity_document', isRequired: true },
    { kind: 'service_contract', isRequired: true },
    { kind: 'address_and_place_of_activity', isRequired: true },
    { kind: 'security_certificate', isRequired: false },
    { kind: 'additional', isRequired: false },
  ],
  address_change: [
    { kind: 'new_address_document', isRequired: true },
    { kind: 'additional', isRequired: false },
  ],
  deregistration: [
    { kind: 'deregistration_basis', isRequired: true, hasSheets: true },
    { kind: 'additional', isRequired: false },
  ],
};

export type ChangeState = {
  kind: ChangeKind;
  register: RegisterSummary | undefined;
  reRegistrationReason: ReReason;
  reason: string;
  modelId: string | null;
  manufacturerNumber: string;
  softwareVersion: string;
  fiscalModuleNumber: string;
  placeOfActivity: string;
  movedOn: string;
  isFiscalModuleHandedOver: boolean;
  files: Partial<Record<AttachmentKind, File | null>>;
  sheets: number;
  signatory: string;
  signedOn: string;
  phone: string;
  receivedAt: string;
  isInWorkingOrder: boolean;
  isCorrectProgramInstalled: boolean;
  previousApplicationId: string | undefined;
};

export const emptyChange = (kind: ChangeKind = 're_registration'): ChangeState => ({
  kind,
  register: undefined,
  reRegistrationReason: 'fiscal_module_memory_full',
  reason: '',
  modelId: null,
  manufacturerNumber: '',
  softwareVersion: '',
  fiscalModuleNumber: '',
  placeOfActivity: '',
  movedOn: todayInDushanbe(),
  isFiscalModuleHandedOver: false,
  files: {},
  sheets: 1,
  signatory: '',
  signedOn: todayInDushanbe(),
  phone: '',
  receivedAt: nowInDushanbeLocal(),
  isInWorkingOrder: false,
  isCorrectProgramInstalled: false,
  previousApplicationId: undefined,
});

const trimmed = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** The body of POST /api/fiscal/applications for a change of a registered register. */
export async function changeBody(s: ChangeState): Promise<ApplicationBody> {
  const register = s.register;
  if (!register) throw new Error('no register chosen');
  const attachments = await Promise.all(
    CHANGE_ATTACHMENTS[s.kind].flatMap(({ kind, hasSheets }) => {
      const file = s.files[kind];
      if (!file) return [];
      return [
        fileToBase64(file).then((contentBase64) => ({
          kind,
          fileName: file.name,
          mediaType: mediaTypeOf(file),
          contentBase64,
          ...(hasSheets ? { sheets: s.sheets } : {}),
        })),
      ];
    }),
  );
  const common = {
    kind: s.kind,
    businessTin: register.businessTin,
    registerId: register.id,
    signatory: s.signatory.trim(),
    signedOn: s.signedOn,
    phone: s.phone.trim(),
    submittedAs: 'paper' as const,
    receivedAt: `${s.receivedAt}:00+05:00`,
    attachments,
    ...(s.previousApplicationId ? { previousApplicationId: s.previousApplicationId } : {}),
  };
  switch (s.kind) {
    case 're_registration':
      return {
        ...common,
        reRegistrationReason: s.reRegistrationReason,
        reason: trimmed(s.reason),
        fiscalModuleNumber: trimmed(s.fiscalModuleNumber),
        softwareVersion: trimmed(s.softwareVersion),
        ...(s.reRegistrationReason === 'register_replaced' ? { modelId: s.modelId ?? undefined, manufacturerNumber: trimmed(s.manufacturerNumber) } : {}),
        technicalCheck: { isInWorkingOrder: s.isInWorkingOrder, isCorrectProgramInstalled: s.isCorrectProgramInstalled },
      };
    case 'address_change':
      return { ...common, placeOfActivity: s.placeOfActivity.trim(), movedOn: s.movedOn };
    case 'deregistration':
      return { ...common, reason: s.reason.trim(), isFiscalModuleHandedOver: s.isFiscalModuleHandedOver };
  }
}
