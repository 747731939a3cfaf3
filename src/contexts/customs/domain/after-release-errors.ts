import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of the list of after-release cases and of customs' own changes after release (art.133 p.8-9, CUS-DEC-50). */
export type AfterReleaseErrorCode = 'AFTER_RELEASE_CASE_INVALID' | 'AFTER_RELEASE_CASE_PAST_DATED' | 'AFTER_RELEASE_CHANGE_NOT_ALLOWED';

export const afterReleaseProblems = {
  /** A case's dates, modes or fields (`field`) are not valid, or it overlaps a version of the same code. */
  AFTER_RELEASE_CASE_INVALID: {
    status: 422,
    title: {
      tg: 'Ҳолати тағйирдиҳӣ пас аз барориш нодуруст аст',
      ru: 'Неверный случай изменения сведений после выпуска',
      en: 'The after-release case is not valid',
    },
  },
  /** A case changes from today on: changes already made were made under the list of their day. */
  AFTER_RELEASE_CASE_PAST_DATED: {
    status: 422,
    title: {
      tg: 'Рӯйхат аз санаи гузашта тағйир дода намешавад',
      ru: 'Перечень нельзя изменить задним числом',
      en: 'The list cannot change in the past',
    },
  },
  /**
   * Art.133 p.8: customs' change after release is not allowed: `details.reasons` gives each reason
   * (no such case, the case is by permission only, a field the case does not allow — in
   * `details.fields` —, payments or restrictions affected, goods added).
   */
  AFTER_RELEASE_CHANGE_NOT_ALLOWED: {
    status: 422,
    title: {
      tg: 'Тағйири маълумот пас аз барориш иҷозат нест',
      ru: 'Изменение сведений после выпуска не допускается',
      en: 'The change after release is not allowed',
    },
  },
} as const satisfies ProblemCatalogue<AfterReleaseErrorCode>;
