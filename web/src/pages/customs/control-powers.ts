/**
 * The officers' powers of customs control as the API gives them (art.399 p.4, CUS-CTL-04;
 * docs/customs-control-powers.md).
 */
import type { Operations } from '../../api/types.gen.ts';

export type OfficerPowers = Operations['GET /api/customs/control-powers/{accountId}']['response'];
export type ControlForm = OfficerPowers['forms'][number];

/** The forms in the order the API and the documentation list them. */
export const CONTROL_FORMS: readonly ControlForm[] = ['documentary_check', 'physical_examination', 'expert_examination', 'release_suspension'];

export const isControlForm = (value: string): value is ControlForm => (CONTROL_FORMS as readonly string[]).includes(value);

/** The chosen forms in the canonical order, each once. */
export const orderedForms = (forms: readonly string[]): ControlForm[] => CONTROL_FORMS.filter((f) => forms.includes(f));
