/**
 * The documents of complaints and quality monitoring: the second copy of a complaint received in
 * person (TS-16), the written reply (TS-17), the monthly information note (10.10.03, TS-33) as PDF,
 * and the annual indicators as CSV (TS-34). A4 pages in Noto Sans, which has every Tajik letter
 * (research/stack.md trap 15); titles and labels in Tajik first, then Russian and English.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { toCsv } from '../../../platform/csv.ts';
import type { Localised } from '../../../platform/i18n.ts';
import type { QualityNote } from '../application/monthly-note.ts';
import { type ComplaintOutcome, OUTCOME_NAMES } from '../domain/complaint.ts';
import { type AnnualIndicators, indicatorRows } from '../domain/indicators.ts';
import { QUESTION_NAMES, RATING_QUESTIONS, type RatingAggregate } from '../domain/rating.ts';

const require = createRequire(import.meta.url);
const FONTS = {
  sans: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
} as const;

const GREY = '#555555';

/** dd.mm.yyyy hh:mm in Dushanbe (UTC+05:00, no daylight saving). */
export function formatDushanbe(at: Date): string {
  const local = new Date(at.getTime() + 5 * 3_600_000).toISOString();
  return `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

/** A net time as "3 d 04:05" or "04:05:06" (days, hours, minutes, seconds). */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const d = Math.floor(seconds / 86_400);
  const [h, m, s] = [Math.floor((seconds % 86_400) / 3600), Math.floor((seconds % 3600) / 60), seconds % 60].map((n) => String(n).padStart(2, '0'));
  return d > 0 ? `${d} d ${h}:${m}` : `${h}:${m}:${s}`;
}

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);
const all3 = (l: Localised) => `${l.tg} / ${l.ru} / ${l.en}`;

type Doc = PDFKit.PDFDocument;

function render(title: Localised, at: Date, draw: (doc: Doc) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: 'tg',
    displayTitle: true,
    font: FONTS.sans,
    // A fixed creation date: the same document renders to the same bytes.
    info: { Title: title.tg, Subject: title.en, Creator: 'Bekogaz', CreationDate: at, ModDate: at },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(FONTS.bold).fontSize(14).fillColor('black').text(title.tg);
  doc.font(FONTS.sans).fontSize(9).fillColor(GREY).text(`${title.ru} / ${title.en}`);
  doc.moveDown();
  draw(doc);
  doc.end();
  return done;
}

/**
 * pdfkit's line breaker is quadratic in the length of a word that does not fit a line (a 20,000
 * character run takes 40 s): long runs get a zero-width space (Noto Sans draws it as nothing)
 * every 40 characters, so they break there.
 */
const breakable = (text: string) => text.replace(/\S{40}(?=\S)/g, '$&\u200B');

function field(doc: Doc, label: Localised, value: string | null | undefined): void {
  if (value === null || value === undefined || value === '') return;
  doc.font(FONTS.sans).fontSize(8).fillColor(GREY).text(all3(label));
  doc.fontSize(11).fillColor('black').text(breakable(value));
  doc.moveDown(0.3);
}

function heading(doc: Doc, label: Localised): void {
  doc.moveDown(0.5);
  doc.font(FONTS.bold).fontSize(11).fillColor('black').text(label.tg);
  doc.font(FONTS.sans).fontSize(8).fillColor(GREY).text(`${label.ru} / ${label.en}`);
  doc.moveDown(0.3);
}

const L = (tg: string, ru: string, en: string): Localised => ({ tg, ru, en });

const LABELS = {
  number: L('Рақами бақайдгирӣ', 'Регистрационный номер', 'Registration number'),
  receivedAt: L('Санаи қабул', 'Дата приёма', 'Date of receipt'),
  service: L('Хизматрасонӣ', 'Услуга', 'Service'),
  complainant: L('Муроҷиаткунанда', 'Заявитель', 'Complainant'),
  tin: L('РМА', 'ИНН', 'TIN'),
  address: L('Суроға', 'Адрес', 'Address'),
  about: L('Мавриди шикоят', 'Предмет жалобы', 'What it is about'),
  text: L('Матни шикоят', 'Текст жалобы', 'Text of the complaint'),
  receiver: L('Ному насаби қабулкунанда', 'ФИО принявшего', 'Receiver’s full name'),
  signature: L('Имзо', 'Подпись', 'Signature'),
  stamp: L('Мӯҳр', 'Печать', 'Stamp'),
  unit: L('Воҳиди масъул', 'Ответственное подразделение', 'Responsible unit'),
  outcome: L('Натиҷа', 'Результат', 'Outcome'),
  reply: L('Ҷавоб', 'Ответ', 'Reply'),
  answeredAt: L('Санаи ҷавоб', 'Дата ответа', 'Date of the reply'),
  answeredBy: L('Иҷрокунанда', 'Исполнитель', 'Answered by'),
};

export type ComplaintDocument = {
  readonly number: string;
  readonly receivedAt: Date;
  readonly serviceKey: string;
  readonly serviceName: Localised;
  readonly complainant: { readonly name: string | null; readonly tin: string | null; readonly address: string | null };
  readonly about: string | null;
  readonly text: string;
  readonly unitName: Localised;
};

/**
 * TS-16: the second copy of a complaint handed in at the records office, bearing the receiver's
 * full name, signature, date of receipt and stamp, as the complainant keeps it.
 */
export function complaintCopyPdf(c: ComplaintDocument, receipt: { readonly receiverName: string; readonly stamp: string }): Promise<Buffer> {
  const title = L('Нусхаи дуюми шикоят бо қайди қабул', 'Второй экземпляр жалобы с отметкой о приёме', 'Second copy of the complaint with the mark of receipt');
  return render(title, c.receivedAt, (doc) => {
    complaintBody(doc, c);
    heading(doc, L('Қайди қабул', 'Отметка о приёме', 'Mark of receipt'));
    field(doc, LABELS.receivedAt, formatDushanbe(c.receivedAt));
    field(doc, LABELS.receiver, receipt.receiverName);
    field(doc, LABELS.signature, 'имзо шудааст / подписано / signed');
    field(doc, LABELS.stamp, receipt.stamp);
  });
}

function complaintBody(doc: Doc, c: ComplaintDocument): void {
  field(doc, LABELS.number, c.number);
  field(doc, LABELS.service, `${c.serviceKey} ${c.serviceName.tg}`);
  field(doc, LABELS.unit, c.unitName.tg);
  field(doc, LABELS.complainant, c.complainant.name);
  field(doc, LABELS.tin, c.complainant.tin);
  field(doc, LABELS.address, c.complainant.address);
  field(doc, LABELS.about, c.about);
  field(doc, LABELS.text, c.text);
}

/** TS-17: the written reply on the outcome of the review, kept as the request's result (a letter). */
export function complaintReplyPdf(
  c: ComplaintDocument,
  reply: { readonly outcome: ComplaintOutcome; readonly text: string; readonly answeredAt: Date; readonly answeredBy: string },
): Promise<Buffer> {
  const title = L('Ҷавоб ба муроҷиат', 'Ответ на обращение', 'Reply to the appeal');
  return render(title, reply.answeredAt, (doc) => {
    field(doc, LABELS.number, c.number);
    field(doc, LABELS.receivedAt, formatDushanbe(c.receivedAt));
    field(doc, LABELS.service, `${c.serviceKey} ${c.serviceName.tg}`);
    field(doc, LABELS.complainant, c.complainant.name);
    field(doc, LABELS.address, c.complainant.address);
    field(doc, LABELS.outcome, all3(OUTCOME_NAMES[reply.outcome]));
    field(doc, LABELS.reply, reply.text);
    field(doc, LABELS.answeredAt, formatDushanbe(reply.answeredAt));
    field(doc, LABELS.answeredBy, `${reply.answeredBy}, ${c.unitName.tg}`);
  });
}

function ratingLine(r: RatingAggregate): string {
  if (r.count === 0) return '—';
  const scores = RATING_QUESTIONS.map((q) => `${QUESTION_NAMES[q].tg} ${r[q]?.toFixed(2) ?? '—'}`).join('; ');
  return `${r.count}: ${scores}; ≥4: ${percent(r.satisfiedShare)}`;
}

/** 10.10.03, TS-33: the information note on service quality for a month. */
export function qualityNotePdf(note: QualityNote): Promise<Buffer> {
  const month = `${String(note.period.month).padStart(2, '0')}.${note.period.year}`;
  const title = L(
    `Маълумотнома оид ба сифати хизматрасонӣ, ${month}`,
    `Информационная справка о качестве обслуживания, ${month}`,
    `Information note on service quality, ${month}`,
  );
  return render(title, new Date(note.generatedAt), (doc) => {
    field(doc, L('Таҳрир', 'Редакция', 'Revision'), `${note.revision}, ${formatDushanbe(new Date(note.generatedAt))}`);
    const t = note.requests;
    heading(doc, L('Дархостҳо', 'Обращения', 'Requests'));
    field(doc, L('Қабул шуд', 'Принято', 'Received'), String(t.received));
    field(doc, L('Анҷом ёфт / аз он бо вайрони мӯҳлат', 'Закрыто / из них с нарушением срока', 'Closed / of them late'), `${t.closed} / ${t.late}`);
    field(doc, L('Ҳиссаи саривақтӣ', 'Доля в срок', 'On-time rate'), percent(t.onTimeRate));
    field(
      doc,
      L('Медиана / персентили 95', 'Медиана / 95-й процентиль', 'Median / 95th percentile'),
      `${formatDuration(t.medianSeconds)} / ${formatDuration(t.p95Seconds)}`,
    );
    field(
      doc,
      L('Вайрони мӯҳлатҳо дар моҳ', 'Нарушения сроков в месяце', 'Deadlines breached in the month'),
      `${t.breaches.closedLate + t.breaches.openPastDue} (${t.breaches.closedLate} + ${t.breaches.openPastDue})`,
    );
    heading(doc, L('Аз рӯи хизматрасониҳо', 'По услугам', 'By service'));
    doc.font(FONTS.sans).fontSize(9).fillColor('black');
    for (const s of note.byService) {
      doc.text(
        `${s.key} ${s.name.tg}: ${s.received} / ${s.closed} / ${s.late}; ${percent(s.onTimeRate)}; ${formatDuration(s.medianSeconds)} / ${formatDuration(s.p95Seconds)}`,
      );
    }
    const c = note.complaints;
    heading(doc, L('Шикоятҳо ва муроҷиатҳо', 'Жалобы и обращения', 'Complaints and appeals'));
    field(doc, L('Қабул шуд', 'Принято', 'Received'), `${c.received} (${c.byChannel.map((x) => `${x.channel} ${x.count}`).join(', ') || '—'})`);
    field(doc, L('Ҷавоб дода шуд / дер', 'Отвечено / с опозданием', 'Answered / late'), `${c.answered} / ${c.answeredLate}`);
    field(doc, L('Бе ҷавоб, мӯҳлат гузаштааст', 'Без ответа, срок истёк', 'Unanswered past their deadline'), String(c.unansweredPastDue));
    heading(doc, L('Баҳогузории сифат', 'Оценка качества', 'Quality ratings'));
    field(doc, L('Ҳамагӣ', 'Всего', 'Total'), ratingLine(note.ratings.totals));
    for (const u of note.ratings.byUnit) field(doc, u.name, ratingLine(u));
  });
}

/** TS-34: the indicators of a year as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets read Cyrillic). */
export function indicatorsCsv(indicators: AnnualIndicators): string {
  return `\uFEFF${toCsv(indicatorRows(indicators))}`;
}
