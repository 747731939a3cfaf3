/** Request and response schemas of the tax account ledger, its certificates and acts, filing and mass notices. */
import { Type } from 'typebox';
import { IsoDate, Line, LocalisedText, Nullable, Phone, Strict, Tin, Uuid } from '../../../platform/schemas.ts';
import { ENTRY_KINDS, MAX_ENTRY_DIRAMS } from '../domain/ledger.ts';
import { literals } from './requests.schemas.ts';

export const PeriodText = (description = 'Period: a year 2026, a quarter 2026-Q1 or a month 2026-03') =>
  Type.String({ pattern: '^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$', description, examples: ['2026-03'] });
export const Dirams = (description: string) => Type.Integer({ minimum: 1, maximum: MAX_ENTRY_DIRAMS, description });
export const EntryKindSchema = literals(ENTRY_KINDS, 'charge, interest, penalty, refund, offset_out (debits); payment, offset, write_off (credits)');
const TaxTypeCode = () =>
  Type.String({ pattern: '^[a-z][a-z_]{1,29}$', description: 'Tax type code (GET /api/public/tax-services/tax-types)', examples: ['vat'] });
const FormCode = () =>
  Type.String({ pattern: '^[A-Z][A-Z0-9_-]{1,19}$', description: 'Declaration form code (GET /api/public/tax-services/declaration-forms)', examples: ['VAT'] });
const Email = () => Type.String({ format: 'email', maxLength: 200 });

export const NewEntryBody = Type.Object(
  {
    tin: Tin(),
    taxType: TaxTypeCode(),
    kind: EntryKindSchema,
    period: PeriodText('Tax period the entry belongs to'),
    amount: Dirams('Amount in dirams (1 somoni = 100 dirams), positive: the kind gives the side'),
    valueDate: IsoDate('Day the entry counts from: when a charge is payable, when a payment reached the budget'),
    documentRef: Line(100, 'The document behind the entry: declaration, payment order, decision'),
    note: Type.Optional(Line(500)),
  },
  Strict,
);

export const ReversalBody = Type.Object({ documentRef: Line(100, 'The document ordering the correction'), note: Type.Optional(Line(500)) }, Strict);
export const ImportBody = Type.Object(
  {
    csv: Type.String({
      minLength: 1,
      maxLength: 5_000_000,
      description: 'CSV with the header tin,tax_type,kind,period,amount_dirams,value_date,document_ref,note',
    }),
  },
  Strict,
);

export const LedgerEntrySchema = Type.Object(
  {
    id: Uuid(),
    seq: Type.Integer(),
    tin: Type.String(),
    taxType: Type.String(),
    kind: Type.String(),
    period: Type.String(),
    amount: Type.Integer({ description: 'Dirams' }),
    valueDate: Type.String(),
    documentRef: Type.String(),
    note: Nullable(Type.String()),
    reverses: Nullable(Type.String({ description: 'The entry this reversal cancels' })),
    reversedBy: Nullable(Type.String({ description: 'The reversal that cancels this entry' })),
    source: Type.String(),
    postedAt: Type.String(),
    postedBy: Type.String(),
  },
  { $id: 'LedgerEntry', title: 'LedgerEntry' },
);

const Balance = Type.Object({
  taxType: Type.String(),
  name: LocalisedText,
  debits: Type.Integer(),
  credits: Type.Integer(),
  balance: Type.Integer({ description: 'credits − debits: positive is an overpayment, negative a debt' }),
  debt: Type.Integer(),
  overpayment: Type.Integer(),
});

export const LedgerSummarySchema = Type.Object(
  {
    tin: Type.String(),
    asOf: Type.String(),
    hasDebt: Type.Boolean(),
    byTaxType: Type.Array(Balance),
    total: Type.Object({ debits: Type.Integer(), credits: Type.Integer(), balance: Type.Integer(), debt: Type.Integer(), overpayment: Type.Integer() }),
    debts: Type.Array(Balance),
  },
  { $id: 'LedgerSummary', title: 'LedgerSummary' },
);

const Applicant = Type.Optional(
  Type.Object(
    { name: Type.Optional(Line(300)), email: Type.Optional(Email()), phone: Type.Optional(Phone()) },
    { ...Strict, description: 'Contact details of an office or post applicant' },
  ),
);
const ForTaxpayer = {
  tin: Type.Optional(Tin('The taxpayer: required for an officer, ignored for a taxpayer (the cabinet’s own TIN)')),
  channel: Type.Optional(literals(['office', 'post', 'email', 'cabinet'] as const, 'How an officer received the request; a taxpayer is always the cabinet')),
  applicant: Applicant,
  unitCode: Type.Optional(Line(60, 'Responsible unit; by default the one the catalogue names')),
};

export const NoDebtBody = Type.Object({ ...ForTaxpayer, asOf: Type.Optional(IsoDate('The day the certificate speaks of; default today')) }, Strict);
export const ActBody = Type.Object({ ...ForTaxpayer, from: IsoDate('First day of the period'), to: IsoDate('Last day of the period') }, Strict);
export const PaymentsBody = Type.Object(
  { ...ForTaxpayer, from: IsoDate(), to: IsoDate(), regime: literals(['patent', 'certificate', 'dehkan_farm'] as const, 'The applicant’s regime (06.06.02)') },
  Strict,
);

const IssuedDocumentSchema = Type.Object({ number: Type.String(), kind: Type.String(), resultId: Uuid(), sha256: Type.String() });
export const LedgerServiceOutcome = Type.Object({
  outcome: Type.Optional(
    Type.Union([Type.Literal('issued'), Type.Literal('refused')], { description: '06.06.01: issued, or refused because of debts (the request is rejected)' }),
  ),
  debt: Type.Optional(Type.Integer({ description: 'Dirams of debt on the date (06.06.01)' })),
  requestId: Uuid(),
  requestNumber: Type.String(),
  documents: Type.Array(IssuedDocumentSchema),
  totals: Type.Optional(Type.Array(Type.Object({ taxType: Type.String(), amount: Type.Integer({ description: 'Dirams paid (06.06.02)' }) }))),
  request: Type.Unsafe({ $ref: 'ServiceRequestDetail#' }),
});

export const VerifyBody = Type.Object(
  {
    number: Line(40, 'The number printed on the document, e.g. ND-2026-0000012'),
    sha256: Type.String({ pattern: '^[0-9a-fA-F]{64}$', description: 'SHA-256 of the PDF file, hex' }),
  },
  Strict,
);
export const VerifyResponse = Type.Object({
  isValid: Type.Boolean(),
  number: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String()),
  tin: Type.Optional(Type.String()),
  issuedAt: Type.Optional(Type.String()),
  asOf: Type.Optional(Nullable(Type.String())),
  periodFrom: Type.Optional(Nullable(Type.String())),
  periodTo: Type.Optional(Nullable(Type.String())),
});

export const EFilingBody = Type.Object(
  { formCode: FormCode(), period: PeriodText('Reporting period of the declaration'), phone: Phone() },
  { ...Strict, description: '05.05.01a: a declaration filed from the cabinet; the SMS goes to `phone`' },
);
export const CounterFilingBody = Type.Object(
  {
    tin: Tin(),
    formCode: FormCode(),
    period: PeriodText('Reporting period of the declaration'),
    channel: literals(['office', 'terminal'] as const, '05.05.01b on paper at the counter, 05.05.01c at a service terminal'),
    serviceStartedAt: Type.String({ format: 'date-time', description: 'When the service began (after the queue); default now' }),
    hadQueue: Type.Boolean({ description: 'Whether the taxpayer waited in a queue (TS-31)' }),
    queueWaitSeconds: Type.Integer({ minimum: 0, maximum: 86_400, description: 'How long the taxpayer waited (TS-31)' }),
    phone: Type.Optional(Phone()),
  },
  Strict,
);
export const FilingOutcome = Type.Object({
  id: Uuid(),
  receiptNumber: Type.String(),
  requestId: Uuid(),
  requestNumber: Type.String(),
  serviceKey: Type.String(),
  isLate: Type.Boolean(),
  sms: Nullable(Type.String()),
  request: Type.Unsafe({ $ref: 'ServiceRequestDetail#' }),
});

export const ObligationsBody = Type.Object(
  {
    items: Type.Array(Type.Object({ tin: Tin(), formCode: FormCode(), period: PeriodText(), email: Type.Optional(Email()) }, Strict), {
      minItems: 1,
      maxItems: 5000,
    }),
  },
  Strict,
);

export const PropertyObjectBody = Type.Object(
  {
    ownerTin: Tin(),
    ownerName: Line(300, 'Full name of the owner'),
    ownerEmail: Type.Optional(Email()),
    kind: literals(['real_estate', 'land', 'vehicle'] as const, 'Kind of object'),
    registryRef: Line(60, 'Cadastral number, land plot number or registration plate'),
    description: Line(500, 'Address and area, or make and model'),
    annualTax: Type.Integer({ minimum: 0, maximum: MAX_ENTRY_DIRAMS, description: 'Annual tax assessed, in dirams' }),
    ownedFrom: IsoDate('Owned since'),
    ownedTo: Type.Optional(IsoDate('Owned until')),
  },
  Strict,
);

export const Listing = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
};
