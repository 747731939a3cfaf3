import type { Localised } from '../../../platform/i18n.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ComplaintErrorCode } from './complaint-errors.ts';

/**
 * Complaints and appeals of citizens and taxpayers (A1 p.13-15, group 11.00.00, TS-15 … TS-17,
 * TS-39). Pure rules: which service a complaint is, how its receipt is proved on each channel, and
 * what it must name. The deadlines themselves are the catalogue's (sla.ts computes them).
 */

/** The services of group 11 that are complaints or appeals with a written reply (Annex 2; 11.11.03 is an oral answer, not a complaint). */
export const COMPLAINT_SERVICES = [
  '11.11.01', // complaint against a tax audit act or decision: 30 calendar days from acceptance
  '11.11.02', // appeals, including requests for clarification of tax legislation: 30 calendar days
  '11.11.04', // applications to correct declarations: 10 working days from acceptance
  '11.11.05', // appeals by e-mail (info@andoz.tj): 5 working days from the date of the appeal
] as const;
export type ComplaintService = (typeof COMPLAINT_SERVICES)[number];

/**
 * The six channels of A1 p.13 as the register records them (TS-15): (1) a written appeal to the TC
 * at Dushanbe, N. Qaraboev street 42/2 arrives by `post` or is handed in at the records office
 * (`office`); (2) an appeal to the heads of a tax authority is handed in there (`office`) or posted;
 * (3) the online Book of complaints (`complaint_book`); (4) the trust telephone 2330905
 * (`trust_phone`) and the short number 151 (`phone_151`); (5) e-mail info@andoz.tj (`email`);
 * (6) the electronic CHAT (`chat`).
 */
export const COMPLAINT_CHANNELS = ['post', 'office', 'complaint_book', 'trust_phone', 'phone_151', 'email', 'chat'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** The channels an officer records; the Book of complaints is filled in by the complainant. */
export const OFFICER_COMPLAINT_CHANNELS = ['post', 'office', 'trust_phone', 'phone_151', 'email', 'chat'] as const;

/** TS-16: how the receipt of a complaint is proved. */
export type ReceiptMode =
  /** Handed in at the records office: the second copy bears the receiver's full name, signature, date of receipt and stamp. */
  | 'in_person'
  /** By post, including e-mail: the date of the incoming-registration stamp of the records office. */
  | 'incoming_stamp'
  /** The Book of complaints, the telephones and the chat: the moment the register records it. */
  | 'electronic';

export function receiptModeOf(channel: ComplaintChannel): ReceiptMode {
  if (channel === 'office') return 'in_person';
  if (channel === 'post' || channel === 'email') return 'incoming_stamp';
  return 'electronic';
}

/** The outcome the written reply states (TS-17). */
export const COMPLAINT_OUTCOMES = ['upheld', 'partly_upheld', 'dismissed', 'explained'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

export const OUTCOME_NAMES: Readonly<Record<ComplaintOutcome, Localised>> = {
  upheld: { tg: 'Шикоят қонеъ гардонида шуд', ru: 'Жалоба удовлетворена', en: 'The complaint is upheld' },
  partly_upheld: { tg: 'Шикоят қисман қонеъ гардонида шуд', ru: 'Жалоба удовлетворена частично', en: 'The complaint is partly upheld' },
  dismissed: { tg: 'Шикоят рад карда шуд', ru: 'В удовлетворении жалобы отказано', en: 'The complaint is dismissed' },
  explained: { tg: 'Шарҳ дода шуд', ru: 'Даны разъяснения', en: 'An explanation is given' },
};

export type ComplaintDraft = {
  readonly serviceKey: ComplaintService;
  readonly channel: ComplaintChannel;
  readonly complainant: {
    readonly tin?: string | null;
    readonly email?: string | null;
    readonly address?: string | null;
  };
  readonly decisionRef?: string | null;
  readonly declarationRef?: string | null;
  readonly receipt?: {
    readonly receiverName?: string | null;
    readonly receiverSigned?: boolean | null;
    readonly stamp?: string | null;
    readonly incomingNumber?: string | null;
    /** Post and e-mail: when the incoming-registration stamp was put. */
    readonly stampedAt?: Date | null;
    /** In person: the date of receipt on the second copy, when it is registered later than it was handed in. */
    readonly receivedAt?: Date | null;
  };
};

/** The proof of receipt as the register keeps it, and the instant the clock counts from. */
export type DecidedReceipt = {
  readonly mode: ReceiptMode;
  readonly receivedAt: Date;
  readonly receiverName: string | null;
  readonly receiverSigned: boolean | null;
  readonly stamp: string | null;
  readonly incomingNumber: string | null;
};

const given = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim().length > 0;

/**
 * Checks what a complaint must name for its service and channel and decides its date of receipt
 * by the rule of TS-16. `now` is the moment it is registered.
 */
export function decideComplaint(draft: ComplaintDraft, now: Date): Result<DecidedReceipt, Failure<ComplaintErrorCode>> {
  if ((draft.serviceKey === '11.11.05') !== (draft.channel === 'email')) return fail('COMPLAINT_CHANNEL_MISMATCH', 'body.channel');
  const { tin, email, address } = draft.complainant;
  if ((draft.serviceKey === '11.11.01' || draft.serviceKey === '11.11.04') && !given(tin)) return fail('COMPLAINT_TIN_REQUIRED', 'body.complainant.tin');
  if (draft.serviceKey === '11.11.01' && !given(draft.decisionRef)) return fail('COMPLAINT_SUBJECT_REQUIRED', 'body.decisionRef');
  if (draft.serviceKey === '11.11.04' && !given(draft.declarationRef)) return fail('COMPLAINT_SUBJECT_REQUIRED', 'body.declarationRef');
  // TS-17: a written reply. An e-mail is answered by e-mail (11.11.05); the Book's complainant reads it on the status page.
  if (draft.channel === 'email' && !given(email)) return fail('COMPLAINT_REPLY_ADDRESS_REQUIRED', 'body.complainant.email');
  if (draft.channel !== 'complaint_book' && !given(tin) && !given(email) && !given(address))
    return fail('COMPLAINT_REPLY_ADDRESS_REQUIRED', 'body.complainant');
  return decideReceipt(draft, now);
}

function decideReceipt(draft: ComplaintDraft, now: Date): Result<DecidedReceipt, Failure<ComplaintErrorCode>> {
  const mode = receiptModeOf(draft.channel);
  const r = draft.receipt ?? {};
  const none = { receiverName: null, receiverSigned: null, stamp: null, incomingNumber: null };
  if (mode === 'in_person') {
    if (!given(r.receiverName)) return fail('COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.receiverName');
    if (r.receiverSigned !== true) return fail('COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.receiverSigned');
    if (!given(r.stamp)) return fail('COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.stamp');
    const receivedAt = r.receivedAt ?? now;
    if (receivedAt > now) return fail('COMPLAINT_RECEIPT_IN_FUTURE', 'body.receipt.receivedAt');
    return ok({ ...none, mode, receivedAt, receiverName: r.receiverName.trim(), receiverSigned: true, stamp: r.stamp.trim() });
  }
  if (mode === 'incoming_stamp') {
    if (!given(r.incomingNumber)) return fail('COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.incomingNumber');
    if (!r.stampedAt) return fail('COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.stampedAt');
    if (r.stampedAt > now) return fail('COMPLAINT_RECEIPT_IN_FUTURE', 'body.receipt.stampedAt');
    return ok({ ...none, mode, receivedAt: r.stampedAt, incomingNumber: r.incomingNumber.trim() });
  }
  return ok({ ...none, mode, receivedAt: now });
}

// Crockford's base32: no I, L, O or U, so a code read out on the telephone cannot be misheard as another.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The complainant's secret for the status page (TS-40): 10 random bytes as 16 characters in groups of four. */
export function formatSecret(bytes: Uint8Array): string {
  if (bytes.length !== 10) throw new RangeError('a complaint secret is 10 bytes');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/** A secret as typed: case, spaces and dashes do not matter, and O, I, L read as 0, 1, 1. */
export function normaliseSecret(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Where a complaint can be sent (A1 p.13, note 1 to Annex 2), as the public page lists them (TS-15, TS-21). */
export const COMPLAINT_CHANNEL_INFO: readonly { readonly channels: readonly ComplaintChannel[]; readonly name: Localised; readonly contact: string }[] = [
  {
    channels: ['post', 'office'],
    name: { tg: 'Муроҷиати хаттӣ ба Кумитаи андоз', ru: 'Письменное обращение в Налоговый комитет', en: 'A written appeal to the Tax Committee' },
    contact: 'ш. Душанбе, кӯчаи Н. Қаробоев 42/2',
  },
  {
    channels: ['office', 'post'],
    name: {
      tg: 'Муроҷиат ба роҳбарони мақоми андоз, ки андозсупоранда дар он ба қайд гирифта шудааст',
      ru: 'Обращение к руководителям налогового органа по месту учёта',
      en: 'An appeal to the heads of the tax authority where the taxpayer is registered',
    },
    contact: '',
  },
  {
    channels: ['complaint_book'],
    name: { tg: 'Китоби шикоятҳо дар www.andoz.tj', ru: 'Книга жалоб на www.andoz.tj', en: 'The Book of complaints on www.andoz.tj' },
    contact: 'www.andoz.tj',
  },
  {
    channels: ['trust_phone', 'phone_151'],
    name: { tg: 'Телефони боварӣ ва рақами кӯтоҳи 151', ru: 'Телефон доверия и короткий номер 151', en: 'The trust telephone and the short number 151' },
    contact: '2330905, 151',
  },
  {
    channels: ['email'],
    name: { tg: 'Почтаи электронии Кумитаи андоз', ru: 'Электронная почта Налогового комитета', en: 'The Tax Committee’s e-mail' },
    contact: 'info@andoz.tj',
  },
  { channels: ['chat'], name: { tg: 'Шабакаи электронии «ЧАТ»', ru: 'Электронный канал «ЧАТ»', en: 'The electronic CHAT channel' }, contact: 'www.andoz.tj' },
];
