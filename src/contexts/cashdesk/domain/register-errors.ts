import type { ProblemCatalogue } from '../../../platform/problems.ts';

/**
 * Refusals of the hosted virtual cash register itself (set-up, program password, shifts, receipts
 * it keeps), beside the rules' codes of errors.ts and the fiscal module's of fiscal-module-errors.ts.
 * Each code says when it happens and what the caller should do.
 */
export type RegisterErrorCode =
  | 'REGISTER_NOT_VIRTUAL'
  | 'REGISTER_ALREADY_SET_UP'
  | 'PROGRAM_PASSWORD_WRONG'
  | 'PROGRAM_PASSWORD_LOCKED'
  | 'REGISTER_LOCKED'
  | 'RECEIPT_NOT_FOUND'
  | 'SHIFT_NOT_OPEN'
  | 'SHIFT_ALREADY_OPEN';

const t = (tg: string, ru: string, en: string) => ({ tg, ru, en });

export const registerProblems = {
  /** Only a virtual register of the registry runs as the hosted VCR (p.5); an online register is a device. */
  REGISTER_NOT_VIRTUAL: {
    status: 422,
    title: t('Ин хазина хазинаи вертуалӣ нест', 'Эта касса не виртуальная', 'This register is not a virtual register'),
  },
  /** This registered register already runs as a VCR here (one module, one register, p.68 item 12): use it. */
  REGISTER_ALREADY_SET_UP: {
    status: 409,
    title: t('Ин хазина аллакай насб шудааст', 'Эта касса уже установлена', 'This register is already set up'),
  },
  /** The program password is wrong (p.65 item 10, p.68 item 7). */
  PROGRAM_PASSWORD_WRONG: { status: 403, title: t('Рамзи барнома нодуруст аст', 'Неверный пароль программы', 'Wrong program password') },
  /** Too many wrong passwords in a row: wait `details.retryAfterSeconds` before the next attempt. */
  PROGRAM_PASSWORD_LOCKED: {
    status: 429,
    title: t('Кӯшишҳои зиёд: каме интизор шавед', 'Слишком много попыток: подождите', 'Too many attempts: wait a little'),
  },
  /** The register was not unlocked with its program password in this session: unlock it first. */
  REGISTER_LOCKED: {
    status: 403,
    title: t('Хазинаро бо рамзи барнома кушоед', 'Откройте кассу паролем программы', 'Unlock the register with its program password'),
  },
  /** No receipt with this document number in this register. */
  RECEIPT_NOT_FOUND: { status: 404, title: t('Расид ёфт нашуд', 'Чек не найден', 'Receipt not found') },
  /** No shift is open: open one first. */
  SHIFT_NOT_OPEN: { status: 409, title: t('Баст кушода нест', 'Смена не открыта', 'No shift is open') },
  /** A shift is already open: close it with the Z-report first. */
  SHIFT_ALREADY_OPEN: { status: 409, title: t('Баст аллакай кушода аст', 'Смена уже открыта', 'A shift is already open') },
} as const satisfies ProblemCatalogue<RegisterErrorCode>;
