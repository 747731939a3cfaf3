import type { ProblemCatalogue } from '../../../platform/problems.ts';

/**
 * Refusals of the complaints register, the online Book of complaints, the service quality rating
 * module, the monthly information note and the annual indicators (docs/tax-services-complaints.md).
 */
export type ComplaintErrorCode =
  | 'COMPLAINT_NOT_FOUND'
  | 'COMPLAINT_CHANNEL_MISMATCH'
  | 'COMPLAINT_RECEIPT_REQUIRED'
  | 'COMPLAINT_RECEIPT_IN_FUTURE'
  | 'COMPLAINT_SUBJECT_REQUIRED'
  | 'COMPLAINT_TIN_REQUIRED'
  | 'COMPLAINT_REPLY_ADDRESS_REQUIRED'
  | 'COMPLAINT_ALREADY_ANSWERED'
  | 'RATING_REQUEST_NOT_CLOSED'
  | 'RATING_ALREADY_GIVEN'
  | 'QUALITY_NOTE_MONTH_NOT_ENDED'
  | 'QUALITY_NOTE_NOT_FOUND'
  | 'INDICATORS_YEAR_NOT_ENDED'
  | 'INDICATORS_NOT_FOUND'
  | 'INDICATORS_PUBLISHED';

export const complaintProblems = {
  /** No complaint with this id, or (on the public page) this registration number and secret do not match: the caller learns nothing more. */
  COMPLAINT_NOT_FOUND: {
    status: 404,
    title: { tg: 'Шикоят ёфт нашуд ё рамз нодуруст аст', ru: 'Жалоба не найдена или код неверен', en: 'No such complaint, or the secret does not match' },
  },
  /** 11.11.05 is the service for appeals by e-mail, and an e-mail is registered as 11.11.05 (Annex 2, group 11). */
  COMPLAINT_CHANNEL_MISMATCH: {
    status: 422,
    title: {
      tg: 'Муроҷиат тавассути почтаи электронӣ ҳамчун 11.11.05 ба қайд гирифта мешавад',
      ru: 'Обращение по электронной почте регистрируется как 11.11.05, и только оно',
      en: 'An e-mail appeal is registered as 11.11.05, and 11.11.05 only by e-mail',
    },
  },
  /**
   * TS-16: in person, the receiver's full name, signature and stamp on the second copy; by post or
   * e-mail, the incoming-registration number and the date of its stamp.
   */
  COMPLAINT_RECEIPT_REQUIRED: {
    status: 422,
    title: {
      tg: 'Тасдиқи қабули шикоят нокифоя аст',
      ru: 'Не хватает подтверждения приёма жалобы',
      en: 'The proof that the complaint was received is incomplete',
    },
  },
  /** The incoming-registration stamp or the receipt date is later than now. */
  COMPLAINT_RECEIPT_IN_FUTURE: {
    status: 422,
    title: { tg: 'Санаи қабул дар оянда буда наметавонад', ru: 'Дата приёма не может быть в будущем', en: 'The date of receipt cannot be in the future' },
  },
  /** 11.11.01 names the tax audit act or decision appealed; 11.11.04 the declaration to correct. */
  COMPLAINT_SUBJECT_REQUIRED: {
    status: 422,
    title: {
      tg: 'Санад ё эъломияи мавриди шикоят нишон дода нашудааст',
      ru: 'Не указан обжалуемый акт или декларация',
      en: 'The act, decision or declaration concerned is missing',
    },
  },
  /** 11.11.01 and 11.11.04 concern a taxpayer's own tax affairs: the TIN is needed. */
  COMPLAINT_TIN_REQUIRED: {
    status: 422,
    title: { tg: 'РМА-и андозсупоранда лозим аст', ru: 'Нужен ИНН налогоплательщика', en: 'The taxpayer’s TIN is required' },
  },
  /** TS-17: the reply is written, so it needs somewhere to go: a cabinet (TIN), an e-mail or a postal address. */
  COMPLAINT_REPLY_ADDRESS_REQUIRED: {
    status: 422,
    title: {
      tg: 'Суроға барои ҷавоби хаттӣ нишон дода нашудааст',
      ru: 'Не указан адрес для письменного ответа',
      en: 'There is no address for the written reply',
    },
  },
  COMPLAINT_ALREADY_ANSWERED: {
    status: 409,
    title: { tg: 'Ба шикоят аллакай ҷавоб дода шудааст', ru: 'На жалобу уже дан ответ', en: 'The complaint has already been answered' },
  },
  /** A request is rated once it is closed (completed or refused). */
  RATING_REQUEST_NOT_CLOSED: {
    status: 409,
    title: { tg: 'Дархост ҳанӯз анҷом наёфтааст', ru: 'Обращение ещё не закрыто', en: 'The request is not closed yet' },
  },
  /** Each closed request is rated once. */
  RATING_ALREADY_GIVEN: {
    status: 409,
    title: { tg: 'Ин хизматрасонӣ аллакай баҳо дода шудааст', ru: 'Эта услуга уже оценена', en: 'This service has already been rated' },
  },
  /** 10.10.03 reports on a month that has ended. */
  QUALITY_NOTE_MONTH_NOT_ENDED: {
    status: 409,
    title: { tg: 'Моҳ ҳанӯз тамом нашудааст', ru: 'Месяц ещё не закончился', en: 'The month has not ended yet' },
  },
  QUALITY_NOTE_NOT_FOUND: {
    status: 404,
    title: { tg: 'Маълумотнома барои ин моҳ нест', ru: 'Справки за этот месяц нет', en: 'There is no information note for this month' },
  },
  /** TS-13: the indicators assess a whole year. */
  INDICATORS_YEAR_NOT_ENDED: {
    status: 409,
    title: { tg: 'Сол ҳанӯз тамом нашудааст', ru: 'Год ещё не закончился', en: 'The year has not ended yet' },
  },
  /** Not computed yet; on the public page, not published yet. */
  INDICATORS_NOT_FOUND: {
    status: 404,
    title: { tg: 'Нишондиҳандаҳо барои ин сол нестанд', ru: 'Показателей за этот год нет', en: 'There are no indicators for this year' },
  },
  /** Published figures are not recomputed: what was printed in "Boju khiroj" stays as printed. */
  INDICATORS_PUBLISHED: {
    status: 409,
    title: { tg: 'Нишондиҳандаҳо аллакай нашр шудаанд', ru: 'Показатели уже опубликованы', en: 'The indicators have already been published' },
  },
} satisfies ProblemCatalogue<ComplaintErrorCode>;
