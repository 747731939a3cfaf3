/**
 * The electronic TIN certificate of 01.01.01 ("TIN certificate sent (electronic)") as a one-page
 * A4 PDF: Tajik first, then Russian and English, in Noto Sans, which has every Tajik letter
 * (research/stack.md trap 15: a TTF, never WOFF2), with a QR code and the address that checks it.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Localised } from '../../../platform/i18n.ts';

const require = createRequire(import.meta.url);
const SANS = require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');
const SANS_BOLD = require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf');

export type TinCertificateData = {
  readonly certificateNumber: string;
  readonly tin: string;
  readonly fullName: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  /** The Dushanbe date of registration, YYYY-MM-DD. */
  readonly registeredOn: string;
  readonly requestNumber: string;
  readonly unitName: Localised;
  readonly issuedAt: Date;
  /** The address that tells whether this certificate is genuine. */
  readonly verificationUrl: string;
};

const TITLE: Localised = {
  tg: 'ШАҲОДАТНОМА\nдар бораи рақами мушаххаси андозсупоранда (РМА)',
  ru: 'Свидетельство об идентификационном номере налогоплательщика (ИНН)',
  en: 'Certificate of taxpayer identification number (TIN)',
};
const ISSUER: Localised = {
  tg: 'Кумитаи андози назди Ҳукумати Ҷумҳурии Тоҷикистон',
  ru: 'Налоговый комитет при Правительстве Республики Таджикистан',
  en: 'Tax Committee under the Government of the Republic of Tajikistan',
};

const LABELS: readonly (readonly [keyof TinCertificateData | 'unit', Localised])[] = [
  ['tin', { tg: 'РМА', ru: 'ИНН', en: 'TIN' }],
  ['fullName', { tg: 'Насаб, ном, номи падар', ru: 'Фамилия, имя, отчество', en: 'Full name' }],
  ['birthDate', { tg: 'Санаи таваллуд', ru: 'Дата рождения', en: 'Date of birth' }],
  ['registeredOn', { tg: 'Санаи ба ҳисоб гузоштан', ru: 'Дата постановки на учёт', en: 'Date of registration' }],
  ['unit', { tg: 'Мақоми андоз', ru: 'Налоговый орган', en: 'Tax body' }],
  ['requestNumber', { tg: 'Рақами дархост', ru: 'Номер обращения', en: 'Request number' }],
  ['certificateNumber', { tg: 'Рақами шаҳодатнома', ru: 'Номер свидетельства', en: 'Certificate number' }],
];

const FOOTER: Localised = {
  tg: 'Шаҳодатномаи электронӣ (хизматрасонии 01.01.01, Стандарти ягонаи хизматрасонӣ ба андозсупорандагон). Ҳаққонияти онро бо QR-рамз ё суроғаи зерин санҷед.',
  ru: 'Электронное свидетельство (услуга 01.01.01 Единого стандарта обслуживания налогоплательщиков). Подлинность проверяется по QR-коду или адресу ниже.',
  en: 'Electronic certificate (service 01.01.01 of the Unified Standard of Services to Taxpayers). Check that it is genuine with the QR code or the address below.',
};

/** DD.MM.YYYY, as dates are written in Tajikistan. */
const dotted = (isoDate: string) => isoDate.split('-').reverse().join('.');

function drawQr(doc: PDFKit.PDFDocument, content: string, x: number, y: number, side: number): void {
  const { modules } = QRCode.create(content, { errorCorrectionLevel: 'M' });
  const m = side / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) doc.rect(x + col * m, y + row * m, m, m);
  }
  doc.fillColor('black').fill();
}

function fieldText(data: TinCertificateData, key: keyof TinCertificateData | 'unit'): string {
  if (key === 'unit') return data.unitName.tg;
  if (key === 'birthDate' || key === 'registeredOn') return dotted(data[key]);
  return String(data[key]);
}

/** The certificate as PDF bytes. The creation date is the issue time, so the same data give the same file. */
export function tinCertificatePdf(data: TinCertificateData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: 'tg',
    displayTitle: true,
    font: SANS,
    info: { Title: `${TITLE.en} ${data.tin}`, Subject: data.certificateNumber, Creator: 'Bekogaz', CreationDate: data.issuedAt, ModDate: data.issuedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = 56;
  const width = doc.page.width - 2 * left;
  doc.font(SANS).fontSize(9).fillColor('#333333').text(ISSUER.tg, { align: 'center' }).text(`${ISSUER.ru} · ${ISSUER.en}`, { align: 'center' });
  doc.moveDown(1.2);
  doc.font(SANS_BOLD).fontSize(17).fillColor('black').text(TITLE.tg, { align: 'center' });
  doc.font(SANS).fontSize(11).fillColor('#333333').text(TITLE.ru, { align: 'center' }).text(TITLE.en, { align: 'center' });
  doc.moveDown(1.5);
  for (const [key, label] of LABELS) {
    const y = doc.y;
    doc.font(SANS_BOLD).fontSize(10).fillColor('black').text(label.tg, left, y, { width: 190 });
    doc.font(SANS).fontSize(8).fillColor('#555555').text(`${label.ru} / ${label.en}`, left, doc.y, { width: 190 });
    const below = doc.y;
    const isTin = key === 'tin';
    doc
      .font(isTin ? SANS_BOLD : SANS)
      .fontSize(isTin ? 20 : 12)
      .fillColor('black')
      .text(fieldText(data, key), left + 200, y, { width: width - 200 });
    if (key === 'unit')
      doc
        .font(SANS)
        .fontSize(8)
        .fillColor('#555555')
        .text(`${data.unitName.ru} / ${data.unitName.en}`, left + 200, doc.y, { width: width - 200 });
    doc.y = Math.max(below, doc.y) + 10;
  }
  doc.moveDown(1);
  const qrTop = doc.y;
  const side = 110;
  drawQr(doc, data.verificationUrl, left, qrTop, side);
  doc.font(SANS).fontSize(9).fillColor('black');
  for (const text of [FOOTER.tg, FOOTER.ru, FOOTER.en]) doc.text(text, left + side + 16, doc.y === qrTop ? qrTop : doc.y + 4, { width: width - side - 16 });
  doc.text(data.verificationUrl, left + side + 16, doc.y + 6, { width: width - side - 16, link: data.verificationUrl, underline: true });
  doc.end();
  return done;
}
