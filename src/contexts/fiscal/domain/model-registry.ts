import type { RegisterKind } from './types.ts';

/** A cash-register model or virtual-register program in the state registry (p.2, p.3). */
export type ModelEntry = {
  readonly kind: RegisterKind;
  readonly status: 'included' | 'excluded';
  readonly certificateValidFrom: string;
  readonly certificateValidTo: string;
};

export type Usability =
  | { readonly isUsable: true }
  | { readonly isUsable: false; readonly reason: 'EXCLUDED' | 'CERTIFICATE_NOT_YET_VALID' | 'CERTIFICATE_EXPIRED' };

/**
 * p.3 (FIS-GEN-12): only a model in the state registry with a valid information-security
 * certificate may be used. `on` is a Dushanbe date (YYYY-MM-DD); ISO dates compare as strings.
 */
export function modelUsability(model: ModelEntry, on: string): Usability {
  if (model.status !== 'included') return { isUsable: false, reason: 'EXCLUDED' };
  if (on < model.certificateValidFrom) return { isUsable: false, reason: 'CERTIFICATE_NOT_YET_VALID' };
  if (on > model.certificateValidTo) return { isUsable: false, reason: 'CERTIFICATE_EXPIRED' };
  return { isUsable: true };
}
