/**
 * The documents issued from the tax account ledger, as A4 PDFs in Noto Sans (it has every Tajik
 * letter; research/stack.md trap 15): the certificate of no tax debts (06.06.01), the refusal
 * letter listing the debts, the reconciliation act (06.06.04, also as CSV), the certificate of
 * income and social tax payments (06.06.02) and the property tax notice (04.04.03). Tajik first:
 * every heading is printed in Tajik, with Russian and English under it.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { toCsv } from '../../../platform/csv.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { formatDirams, type LedgerSummary, type PropertyKind, type ReconciliationAct, type TaxBalance } from '../domain/ledger.ts';
import { ENTRY_KIND_NAMES, PROPERTY_KIND_NAMES } from '../domain/ledger-notices.ts';

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
} as const;

const MARGIN = 50;
const A4_HEIGHT = 841.89;
const WIDTH = 595.28 - 2 * MARGIN;

const AUTHORITY: Localised = {
  tg: 'Кумитаи андози назди Ҳукумати Ҷумҳурии Тоҷикистон',
  ru: 'Налоговый комитет при Правительстве Республики Таджикистан',
  en: 'Tax Committee under the Government of the Republic of Tajikistan',
};

const L = (tg: string, ru: string, en: string): Localised => ({ tg, ru, en });

const LABELS = {
  number: L('Рақам', 'Номер', 'Number'),
  issued: L('Санаи додан', 'Дата выдачи', 'Date of issue'),
  tin: L('РМА', 'ИНН', 'TIN'),
  taxpayer: L('Андозсупоранда', 'Налогоплательщик', 'Taxpayer'),
  asOf: L('Ҳолат ба санаи', 'По состоянию на', 'As of'),
  period: L('Давра', 'Период', 'Period'),
  taxType: L('Намуди андоз', 'Вид налога', 'Tax type'),
  debit: L('Ҳисобшуда', 'Начислено', 'Debit'),
  credit: L('Пардохтшуда', 'Уплачено', 'Credit'),
  balance: L('Бақия', 'Сальдо', 'Balance'),
  debt: L('Қарз', 'Задолженность', 'Debt'),
  opening: L('Бақия дар аввал', 'Сальдо на начало', 'Opening balance'),
  closing: L('Бақия дар охир', 'Сальдо на конец', 'Closing balance'),
  date: L('Сана', 'Дата', 'Date'),
  entry: L('Амалиёт', 'Операция', 'Entry'),
  taxPeriod: L('Давраи андоз', 'Налоговый период', 'Tax period'),
  document: L('Ҳуҷҷат', 'Документ', 'Document'),
  total: L('Ҳамагӣ', 'Итого', 'Total'),
  object: L('Объект', 'Объект', 'Object'),
  annualTax: L('Андози солона', 'Годовой налог', 'Annual tax'),
  payBy: L('Мӯҳлати пардохт', 'Срок уплаты', 'Payable by'),
  regime: L('Низоми андозбандӣ', 'Режим налогообложения', 'Tax regime'),
  amount: L('Маблағ', 'Сумма', 'Amount'),
};

const VERIFY: Localised = L(
  'Ҳақиқияти ҳуҷҷатро бо рақам ва SHA-256-и файл дар /api/public/tax-services/documents/verify санҷед.',
  'Подлинность документа проверяется по номеру и SHA-256 файла: /api/public/tax-services/documents/verify.',
  'Check this document by its number and the SHA-256 of the file at /api/public/tax-services/documents/verify.',
);

/** '2026-12-07' → '07.12.2026'. */
export const dmy = (date: string) => date.split('-').reverse().join('.');
const dushanbeDateTime = (at: Date) => {
  const local = new Date(at.getTime() + 5 * 3_600_000).toISOString();
  return `${dmy(local.slice(0, 10))} ${local.slice(11, 16)}`;
};
const money = (dirams: number) => formatDirams(dirams);

type Doc = PDFKit.PDFDocument;
type Column = { readonly label: Localised; readonly width: number; readonly align?: 'left' | 'right' };

function open(title: Localised, number: string, issuedAt: Date): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'tg',
    displayTitle: true,
    font: FONTS.regular,
    info: { Title: `${title.tg} № ${number}`, Author: AUTHORITY.tg, Creator: 'Bekogaz', CreationDate: issuedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(FONTS.bold).fontSize(10).text(AUTHORITY.tg, { align: 'center' });
  doc.font(FONTS.regular).fontSize(8).fillColor('#444').text(`${AUTHORITY.ru} · ${AUTHORITY.en}`, { align: 'center' }).fillColor('black');
  doc.moveDown(1.2);
  doc.font(FONTS.bold).fontSize(14).text(title.tg, { align: 'center' });
  doc.font(FONTS.regular).fontSize(9).fillColor('#444').text(`${title.ru} / ${title.en}`, { align: 'center' }).fillColor('black');
  doc.moveDown(1);
  field(doc, LABELS.number, number);
  field(doc, LABELS.issued, dushanbeDateTime(issuedAt));
  return { doc, done };
}

/** A label in the three languages, then its value. */
function field(doc: Doc, label: Localised, value: string): void {
  doc.font(FONTS.regular).fontSize(8).fillColor('#555').text(`${label.tg} / ${label.ru} / ${label.en}`);
  doc.font(FONTS.bold).fontSize(10).fillColor('black').text(value);
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: Localised): void {
  doc.moveDown(0.5);
  doc.font(FONTS.bold).fontSize(11).text(text.tg);
  doc.font(FONTS.regular).fontSize(9).text(text.ru);
  doc.font(FONTS.regular).fontSize(9).fillColor('#444').text(text.en).fillColor('black');
  doc.moveDown(0.5);
}

function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.6);
  doc.font(FONTS.bold).fontSize(10).text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.2);
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > A4_HEIGHT - MARGIN) doc.addPage();
}

/** A table: Tajik column headers with Russian under them; rows of plain strings; bold rows where asked. */
function table(doc: Doc, columns: readonly Column[], body: readonly (readonly string[])[], boldRows: ReadonlySet<number> = new Set()): void {
  const drawRow = (cells: readonly string[], font: string, size: number) => {
    const heights = cells.map((c, i) =>
      doc
        .font(font)
        .fontSize(size)
        .heightOfString(c, { width: (columns[i]?.width ?? 50) - 4 }),
    );
    const h = Math.max(...heights) + 4;
    ensureSpace(doc, h);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      const col = columns[i] as Column;
      doc
        .font(font)
        .fontSize(size)
        .text(c, x + 2, y + 2, { width: col.width - 4, align: col.align ?? 'left' });
      x += col.width;
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + WIDTH, y + h)
      .lineWidth(0.3)
      .strokeColor('#999')
      .stroke();
    doc.y = y + h;
    doc.x = MARGIN;
  };
  drawRow(
    columns.map((c) => `${c.label.tg}\n${c.label.ru}`),
    FONTS.bold,
    7.5,
  );
  for (const [i, row] of body.entries()) drawRow(row, boldRows.has(i) ? FONTS.bold : FONTS.regular, 8);
}

function finish(doc: Doc, done: Promise<Buffer>): Promise<Buffer> {
  doc.moveDown(1.5);
  ensureSpace(doc, 60);
  doc.font(FONTS.regular).fontSize(7.5).fillColor('#444');
  doc.text(VERIFY.tg, MARGIN, doc.y, { width: WIDTH });
  doc.text(VERIFY.ru, { width: WIDTH });
  doc.text(VERIFY.en, { width: WIDTH });
  doc.end();
  return done;
}

const typeName = (names: ReadonlyMap<string, Localised>, code: string) => names.get(code)?.tg ?? code;

function balancesTable(doc: Doc, rows: readonly TaxBalance[], names: ReadonlyMap<string, Localised>, withDebt: boolean): void {
  const columns: Column[] = [
    { label: LABELS.taxType, width: withDebt ? 175 : 220 },
    { label: LABELS.debit, width: 85, align: 'right' },
    { label: LABELS.credit, width: 85, align: 'right' },
    { label: LABELS.balance, width: 85, align: 'right' },
    ...(withDebt ? [{ label: LABELS.debt, width: WIDTH - 430, align: 'right' as const }] : []),
  ];
  table(
    doc,
    columns,
    rows.map((b) => [typeName(names, b.taxType), money(b.debits), money(b.credits), money(b.balance), ...(withDebt ? [money(b.debt)] : [])]),
  );
}

export type TaxpayerRef = { readonly tin: string; readonly name: string | null };

function taxpayerFields(doc: Doc, taxpayer: TaxpayerRef): void {
  field(doc, LABELS.tin, taxpayer.tin);
  if (taxpayer.name) field(doc, LABELS.taxpayer, taxpayer.name);
}

/** 06.06.01: the certificate that the taxpayer has no tax debts at the end of `asOf`. */
export function noDebtCertificatePdf(input: {
  readonly number: string;
  readonly issuedAt: Date;
  readonly taxpayer: TaxpayerRef;
  readonly asOf: string;
  readonly summary: LedgerSummary;
  readonly names: ReadonlyMap<string, Localised>;
}): Promise<Buffer> {
  const { doc, done } = open(
    L('Маълумотнома дар бораи мавҷуд набудани қарзи андоз', 'Справка об отсутствии налоговой задолженности', 'Certificate of no tax debts'),
    input.number,
    input.issuedAt,
  );
  taxpayerFields(doc, input.taxpayer);
  field(doc, LABELS.asOf, dmy(input.asOf));
  paragraph(
    doc,
    L(
      `Тасдиқ карда мешавад, ки андозсупоранда (РМА ${input.taxpayer.tin}) ҳолат ба ${dmy(input.asOf)} қарзи андоз ба буҷети давлатӣ надорад.`,
      `Подтверждается, что налогоплательщик (ИНН ${input.taxpayer.tin}) по состоянию на ${dmy(input.asOf)} не имеет налоговой задолженности перед государственным бюджетом.`,
      `This certifies that the taxpayer (TIN ${input.taxpayer.tin}) has no tax debts to the state budget as of ${dmy(input.asOf)}.`,
    ),
  );
  if (input.summary.byTaxType.length > 0) balancesTable(doc, input.summary.byTaxType, input.names, false);
  return finish(doc, done);
}

/** 06.06.01 refused: the letter listing the debts that stand in the way of the certificate. */
export function refusalLetterPdf(input: {
  readonly number: string;
  readonly issuedAt: Date;
  readonly taxpayer: TaxpayerRef;
  readonly asOf: string;
  readonly requestNumber: string;
  readonly summary: LedgerSummary;
  readonly names: ReadonlyMap<string, Localised>;
}): Promise<Buffer> {
  const { doc, done } = open(
    L('Мактуб дар бораи рад кардани додани маълумотнома', 'Письмо об отказе в выдаче справки', 'Letter of refusal to issue a certificate'),
    input.number,
    input.issuedAt,
  );
  taxpayerFields(doc, input.taxpayer);
  field(doc, LABELS.asOf, dmy(input.asOf));
  const total = money(input.summary.total.debt);
  paragraph(
    doc,
    L(
      `Ба дархости № ${input.requestNumber} маълумотнома дар бораи мавҷуд набудани қарзи андоз дода намешавад, зеро ҳолат ба ${dmy(input.asOf)} қарзи андоз ба маблағи ${total} сомонӣ мавҷуд аст. Санади муқоисавӣ замима мегардад.`,
      `По обращению № ${input.requestNumber} справка об отсутствии налоговой задолженности не выдаётся: по состоянию на ${dmy(input.asOf)} имеется налоговая задолженность в сумме ${total} сомони. Акт сверки прилагается.`,
      `Request No ${input.requestNumber}: a certificate of no tax debts cannot be issued, because as of ${dmy(input.asOf)} tax debts of ${total} somoni are outstanding. The reconciliation act is attached.`,
    ),
  );
  balancesTable(doc, input.summary.debts, input.names, true);
  return finish(doc, done);
}

/** 06.06.04: opening balance, every entry and closing balance per tax type for the period. */
export function reconciliationActPdf(input: {
  readonly number: string;
  readonly issuedAt: Date;
  readonly taxpayer: TaxpayerRef;
  readonly act: ReconciliationAct;
  readonly names: ReadonlyMap<string, Localised>;
}): Promise<Buffer> {
  const { act } = input;
  const { doc, done } = open(
    L('Санади муқоисавии ҳисоббаробаркуниҳо бо буҷет', 'Акт сверки расчётов с бюджетом', 'Reconciliation act of settlements with the budget'),
    input.number,
    input.issuedAt,
  );
  taxpayerFields(doc, input.taxpayer);
  field(doc, LABELS.period, `${dmy(act.from)} — ${dmy(act.to)}`);
  const columns: Column[] = [
    { label: LABELS.date, width: 55 },
    { label: LABELS.entry, width: 95 },
    { label: LABELS.taxPeriod, width: 50 },
    { label: LABELS.document, width: 100 },
    { label: LABELS.debit, width: 65, align: 'right' },
    { label: LABELS.credit, width: 65, align: 'right' },
    { label: LABELS.balance, width: WIDTH - 430, align: 'right' },
  ];
  for (const section of act.sections) {
    heading(doc, typeName(input.names, section.taxType));
    const body = [
      ['', `${LABELS.opening.tg}`, '', '', '', '', money(section.opening)],
      ...section.lines.map((l) => [
        dmy(l.valueDate),
        `${ENTRY_KIND_NAMES[l.kind].tg}${l.reverses ? ' (сторно)' : ''}`,
        l.period,
        l.documentRef,
        l.debit ? money(l.debit) : '',
        l.credit ? money(l.credit) : '',
        money(l.balance),
      ]),
      ['', LABELS.closing.tg, '', '', money(section.debits), money(section.credits), money(section.closing)],
    ];
    table(doc, columns, body, new Set([0, body.length - 1]));
  }
  if (act.sections.length === 0) paragraph(doc, L('Дар давра амалиёт нест.', 'За период операций нет.', 'No entries in the period.'));
  heading(doc, `${LABELS.total.tg} / ${LABELS.total.ru} / ${LABELS.total.en}`);
  table(
    doc,
    [
      { label: LABELS.opening, width: WIDTH / 4, align: 'right' },
      { label: LABELS.debit, width: WIDTH / 4, align: 'right' },
      { label: LABELS.credit, width: WIDTH / 4, align: 'right' },
      { label: LABELS.closing, width: WIDTH / 4, align: 'right' },
    ],
    [[money(act.totals.opening), money(act.totals.debits), money(act.totals.credits), money(act.totals.closing)]],
  );
  return finish(doc, done);
}

/** 06.06.04 as CSV: one row per opening balance, entry and closing balance; amounts in dirams. */
export function reconciliationActCsv(act: ReconciliationAct): string {
  const out: Record<string, unknown>[] = [];
  for (const s of act.sections) {
    out.push({ row: 'opening', tax_type: s.taxType, value_date: act.from, balance_dirams: s.opening });
    for (const l of s.lines) {
      out.push({
        row: l.reverses ? 'reversal' : 'entry',
        tax_type: s.taxType,
        value_date: l.valueDate,
        kind: l.kind,
        period: l.period,
        document_ref: l.documentRef,
        debit_dirams: l.debit,
        credit_dirams: l.credit,
        balance_dirams: l.balance,
      });
    }
    out.push({ row: 'closing', tax_type: s.taxType, value_date: act.to, debit_dirams: s.debits, credit_dirams: s.credits, balance_dirams: s.closing });
  }
  return toCsv(out, ['row', 'tax_type', 'value_date', 'kind', 'period', 'document_ref', 'debit_dirams', 'credit_dirams', 'balance_dirams']);
}

export const REGIME_NAMES: Readonly<Record<'patent' | 'certificate' | 'dehkan_farm', Localised>> = {
  patent: L('Соҳибкори инфиродӣ дар асоси патент', 'Индивидуальный предприниматель на основе патента', 'Individual entrepreneur on a patent'),
  certificate: L(
    'Соҳибкори инфиродӣ дар асоси шаҳодатнома (шартҳои махсус)',
    'Индивидуальный предприниматель на основе свидетельства (особые условия)',
    'Individual entrepreneur on a certificate (special conditions)',
  ),
  dehkan_farm: L('Хоҷагии деҳқонӣ', 'Дехканское хозяйство', 'Dehkan farm'),
};

/** 06.06.02: income and social tax paid in the period, for the IE's social protection. */
export function paymentsCertificatePdf(input: {
  readonly number: string;
  readonly issuedAt: Date;
  readonly taxpayer: TaxpayerRef;
  readonly regime: keyof typeof REGIME_NAMES;
  readonly from: string;
  readonly to: string;
  readonly payments: readonly {
    readonly valueDate: string;
    readonly taxType: string;
    readonly period: string;
    readonly documentRef: string;
    readonly amount: number;
  }[];
  readonly totals: readonly { readonly taxType: string; readonly amount: number }[];
  readonly names: ReadonlyMap<string, Localised>;
}): Promise<Buffer> {
  const { doc, done } = open(
    L(
      'Маълумотнома дар бораи пардохти андози даромад ва андози иҷтимоӣ',
      'Справка об уплате подоходного и социального налогов',
      'Certificate of income and social tax payments',
    ),
    input.number,
    input.issuedAt,
  );
  taxpayerFields(doc, input.taxpayer);
  field(doc, LABELS.regime, `${REGIME_NAMES[input.regime].tg} / ${REGIME_NAMES[input.regime].ru}`);
  field(doc, LABELS.period, `${dmy(input.from)} — ${dmy(input.to)}`);
  table(
    doc,
    [
      { label: LABELS.date, width: 70 },
      { label: LABELS.taxType, width: 170 },
      { label: LABELS.taxPeriod, width: 60 },
      { label: LABELS.document, width: 100 },
      { label: LABELS.amount, width: WIDTH - 400, align: 'right' },
    ],
    input.payments.map((p) => [dmy(p.valueDate), typeName(input.names, p.taxType), p.period, p.documentRef, money(p.amount)]),
  );
  heading(doc, `${LABELS.total.tg} / ${LABELS.total.ru} / ${LABELS.total.en}`);
  table(
    doc,
    [
      { label: LABELS.taxType, width: 300 },
      { label: LABELS.amount, width: WIDTH - 300, align: 'right' },
    ],
    input.totals.map((t) => [typeName(input.names, t.taxType), money(t.amount)]),
  );
  return finish(doc, done);
}

/** 04.04.03: the owner's notice of the property taxes assessed for the year (TS-37). */
export function propertyNoticePdf(input: {
  readonly number: string;
  readonly issuedAt: Date;
  readonly taxpayer: TaxpayerRef;
  readonly year: number;
  readonly payBy: string;
  readonly objects: readonly { readonly kind: PropertyKind; readonly registryRef: string; readonly description: string; readonly annualTax: number }[];
}): Promise<Buffer> {
  const { doc, done } = open(
    L(
      `Огоҳинома оид ба пардохти андозҳо аз амвол барои соли ${input.year}`,
      `Уведомление об уплате имущественных налогов за ${input.year} год`,
      `Property tax notice for ${input.year}`,
    ),
    input.number,
    input.issuedAt,
  );
  taxpayerFields(doc, input.taxpayer);
  field(doc, LABELS.payBy, dmy(input.payBy));
  table(
    doc,
    [
      { label: LABELS.taxType, width: 140 },
      { label: LABELS.object, width: 230 },
      { label: LABELS.annualTax, width: WIDTH - 370, align: 'right' },
    ],
    input.objects.map((o) => [PROPERTY_KIND_NAMES[o.kind].tg, `${o.description} (${o.registryRef})`, money(o.annualTax)]),
  );
  const total = input.objects.reduce((s, o) => s + o.annualTax, 0);
  paragraph(
    doc,
    L(
      `Ҳамагӣ ба пардохт: ${money(total)} сомонӣ, то ${dmy(input.payBy)}.`,
      `Итого к уплате: ${money(total)} сомони, до ${dmy(input.payBy)}.`,
      `Total payable: ${money(total)} somoni, by ${dmy(input.payBy)}.`,
    ),
  );
  return finish(doc, done);
}
