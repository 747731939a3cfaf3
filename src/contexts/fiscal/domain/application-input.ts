import type { ApplicationKind, ReRegistrationReason } from './types.ts';

/** An application as the TSC enters it (Annex 1 or Annex 3, p.19, p.30, p.31). */
export type ApplicationInput = {
  readonly kind: ApplicationKind;
  readonly businessTin: string;
  readonly registerId?: string;
  readonly modelId?: string;
  readonly manufacturerNumber?: string;
  readonly softwareVersion?: string;
  readonly fiscalModuleNumber?: string;
  readonly placeOfActivity?: string;
  /** When given, compared with the taxpayer registry; when omitted, filled from it (p.21). */
  readonly businessName?: string;
  readonly address?: string;
  readonly movedOn?: string;
  readonly reason?: string;
  readonly reRegistrationReason?: ReRegistrationReason;
  readonly isFiscalModuleHandedOver?: boolean;
  readonly signatory: string;
  readonly signedOn: string;
  readonly phone: string;
  readonly submittedAs: 'electronic' | 'paper';
  /** Base64 signature of `signedContent(input)` with the business's registered key (electronic only). */
  readonly signature?: string;
  /** When the TSC received the application from the business; the p.22 clock starts here. Default: now. */
  readonly receivedAt?: string;
  /** p.92: the TSC checked that the register works and runs the right program. */
  readonly technicalCheck?: { readonly isInWorkingOrder: boolean; readonly isCorrectProgramInstalled: boolean };
  readonly attachments: readonly {
    readonly kind: string;
    readonly fileName: string;
    readonly mediaType: string;
    readonly contentBase64: string;
    readonly sheets?: number;
  }[];
  readonly previousApplicationId?: string;
};

/** Fields each kind needs beyond the common ones; a missing one is a validation error on that field. */
export function missingFields(input: ApplicationInput): string[] {
  const need: Array<keyof ApplicationInput> = (() => {
    switch (input.kind) {
      case 'registration':
        return ['modelId', 'manufacturerNumber', 'softwareVersion', 'fiscalModuleNumber', 'placeOfActivity', 'technicalCheck'];
      case 're_registration':
        return ['registerId', 'reRegistrationReason', 'technicalCheck'];
      case 'address_change':
        return ['registerId', 'placeOfActivity', 'movedOn'];
      case 'deregistration':
        return ['registerId', 'reason', 'isFiscalModuleHandedOver'];
    }
  })();
  const missing = need.filter((k) => input[k] === undefined || input[k] === '');
  if (input.kind === 're_registration' && input.reRegistrationReason === 'other' && !input.reason) missing.push('reason');
  if (input.kind === 're_registration' && input.reRegistrationReason === 'register_replaced' && (!input.modelId || !input.manufacturerNumber)) {
    if (!input.modelId) missing.push('modelId');
    if (!input.manufacturerNumber) missing.push('manufacturerNumber');
  }
  if (input.submittedAs === 'electronic' && !input.signature) missing.push('signature');
  return missing;
}

/**
 * The bytes an applicant signs (AX1-15, AX3-16): the canonical JSON of the application's content
 * and the SHA-256 of each attachment, so that no field or file can change after signing.
 * docs/fiscal-exchange.md publishes this format (p.64).
 */
export function signedContent(input: ApplicationInput, attachmentHashes: readonly string[]): unknown {
  const {
    signature: _signature,
    attachments: _attachments,
    receivedAt: _receivedAt,
    technicalCheck: _technicalCheck,
    previousApplicationId: _previous,
    ...content
  } = input;
  return { ...content, attachments: [...attachmentHashes] };
}
