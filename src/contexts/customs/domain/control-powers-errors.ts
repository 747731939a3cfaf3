import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of the officers' powers of control (docs/customs-control-powers.md). */
export type ControlPowerErrorCode = 'CONTROL_POWER_MISSING' | 'CONTROL_OFFICER_NOT_FOUND';

export const controlPowerProblems = {
  /**
   * Art.399 p.4 (CUS-CTL-04): the head of the customs authority has not given this officer the form
   * of control the act applies; `details.required` lists the forms of which one would do.
   */
  CONTROL_POWER_MISSING: {
    status: 403,
    title: {
      tg: 'Ин шакли назорати гумрукӣ ба ваколати шумо дохил намешавад',
      ru: 'Эта форма таможенного контроля не входит в ваши полномочия',
      en: 'This form of customs control is not within your powers',
    },
  },
  /** No active customs officer's account with this id: powers of control are set for customs officers only. */
  CONTROL_OFFICER_NOT_FOUND: {
    status: 404,
    title: { tg: 'Корманди гумрук ёфт нашуд', ru: 'Должностное лицо таможни не найдено', en: 'No such customs officer' },
  },
} satisfies ProblemCatalogue<ControlPowerErrorCode>;
