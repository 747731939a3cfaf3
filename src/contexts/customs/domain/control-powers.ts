/**
 * Art.399 p.4 (CUS-CTL-04): customs control is carried out by officers authorised under the law and
 * within their powers. These are the forms of control a head of a customs authority can give or
 * withhold, one by one, per officer (docs/customs-control-powers.md).
 */
export const CONTROL_FORMS = ['documentary_check', 'physical_examination', 'expert_examination', 'release_suspension'] as const;
export type ControlForm = (typeof CONTROL_FORMS)[number];

/** The forms that make an officer one who applies control, so who may record its results. */
const INSPECTING: readonly ControlForm[] = ['documentary_check', 'physical_examination', 'expert_examination'];

/**
 * The form of control each control act applies (the measure of art.428 i.7 it carries out). A result
 * of control (a finding, none, the completion) is recorded by an officer holding any inspecting form;
 * suspension under art.441 and its cancellation need their own power.
 */
const FORMS_OF: Readonly<Record<string, readonly ControlForm[]>> = {
  documents_requested: ['documentary_check'],
  examination_notified: ['physical_examination'],
  inspection_decided: ['physical_examination'],
  expertise_ordered: ['expert_examination'],
  violation_found: INSPECTING,
  no_violation_found: INSPECTING,
  control_completed: INSPECTING,
  release_suspended: ['release_suspension'],
  suspension_cancelled: ['release_suspension'],
};

/**
 * Undefined when an officer with `powers` may record a control act of `kind`; otherwise the forms of
 * which the officer would need one. `powers` undefined: the head has not narrowed them, so the officer
 * holds every form the customs officer's role gives.
 */
export function missingControlForms(powers: readonly ControlForm[] | undefined, kind: string): readonly ControlForm[] | undefined {
  if (powers === undefined) return undefined;
  const needed = FORMS_OF[kind];
  if (!needed) return undefined;
  return needed.some((f) => powers.includes(f)) ? undefined : needed;
}
