/** Request and response schemas of periodic declaring (docs/customs-periodic.md). */
import { Type } from 'typebox';
import { IsoDate, IsoDateTime, Line, Nullable, Strict } from '../../../platform/schemas.ts';
import { PERIODIC_STATES, type PeriodicState, QUANTITY_PATTERN } from '../domain/periodic.ts';

const Code = Type.String({ pattern: '^\\d{10}$', description: '10-digit classification code (art.136 p.3: same code = same goods)' });
const Quantity = (description: string) => Type.String({ pattern: QUANTITY_PATTERN, description, examples: ['12500.5'] });
const Form = Type.Union([Type.Literal('electronic'), Type.Literal('written')], { description: 'Electronic or written (art.136 p.1-2, art.134 p.10)' });
const OfficeCode = (description: string) => Type.String({ minLength: 1, maxLength: 40, description });
const State = Type.Unsafe<PeriodicState>({ type: 'string', enum: [...PERIODIC_STATES], description: 'State of catalog 3.2' });

export const NumberParams = Type.Object({ number: Type.String({ pattern: '^PD-\\d{4}-\\d{6}$', description: 'Application number' }) }, Strict);
export const NoticeParams = Type.Object({ number: NumberParams.properties.number, seq: Type.Integer({ minimum: 1, maximum: 10000 }) }, Strict);

export const ApplyBody = Type.Object(
  {
    direction: Type.Union([Type.Literal('import'), Type.Literal('export')]),
    form: Form,
    officeCode: OfficeCode('The customs office that clears the goods (art.136 p.6)'),
    borderPointCode: OfficeCode('The border crossing point (an office code, art.136 p.5)'),
    contract: Type.Object({ number: Line(100, 'The one foreign trade contract (art.136 p.5)'), date: IsoDate() }, Strict),
    periodStart: IsoDate('First day of the delivery period; after the filing day'),
    periodEnd: IsoDate('Last day; at most 30 calendar days (1 calendar month for restricted exports)'),
    lines: Type.Array(
      Type.Object(
        {
          commodityCode: Code,
          plannedQuantity: Quantity('Planned quantity in the unit of the code'),
          isRestricted: Type.Optional(Type.Boolean({ description: 'Export goods under prohibitions or restrictions (art.138 p.4)' })),
          hasExportDuty: Type.Optional(Type.Boolean({ description: 'Export goods subject to export duty (art.138 p.4, art.136 p.11)' })),
        },
        Strict,
      ),
      { minItems: 1, maxItems: 100 },
    ),
    guaranteeReference: Type.Optional(Line(40, 'Accepted guarantee for periodic declaring (art.136 p.11), needed when payments are due')),
  },
  Strict,
);

export const DecideBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('permit'), Type.Literal('refuse')]),
    form: Form,
    reason: Type.Optional(Line(2000, 'Required for a refusal')),
    conditions: Type.Optional(Line(2000, 'Conditions to meet; required when refusing an export (art.137 p.3)')),
  },
  Strict,
);

const QuantityLines = Type.Array(Type.Object({ commodityCode: Code, quantity: Quantity('Quantity in the unit of the code') }, Strict), {
  minItems: 1,
  maxItems: 100,
});

export const NoticeBody = Type.Object(
  {
    deliveryOn: IsoDate('Day of the delivery (import or export); today or later, within the period'),
    form: Form,
    lines: QuantityLines,
    vehicles: Type.Optional(Type.Array(Line(40), { maxItems: 50 })),
    borderPointCode: Type.Optional(OfficeCode('Must be the application’s (art.136 p.5)')),
    contractNumber: Type.Optional(Line(100, 'Must be the application’s (art.136 p.5)')),
  },
  Strict,
);

export const ExitBody = Type.Object({ exitedOn: IsoDate('Day the goods actually left (art.138 p.2-3)'), lines: Type.Optional(QuantityLines) }, Strict);
export const ExtendBody = Type.Object({ reason: Line(2000, 'The motivation (art.138 p.5)'), until: IsoDate('New last day for the full declaration') }, Strict);
export const WithdrawBody = Type.Object({ form: Form, reason: Type.Optional(Line(2000)) }, Strict);
export const AnnulBody = Type.Object({ reason: Line(2000) }, Strict);
export const ListQuery = Type.Object(
  {
    state: Type.Optional(State),
    officeCode: Type.Optional(OfficeCode('Office (officers’ queue)')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  Strict,
);

const QuantityLineOut = Type.Object({ commodityCode: Type.String(), quantity: Type.String() });
export const NoticeSchema = Type.Object({
  number: Type.String(),
  seq: Type.Integer(),
  deliveryOn: Type.String(),
  lines: Type.Array(QuantityLineOut),
  vehicles: Type.Array(Type.String()),
  form: Type.String(),
  notifiedAt: Type.String(),
  exitedOn: Nullable(Type.String()),
  exitLines: Nullable(Type.Array(QuantityLineOut)),
});

const Instant = Nullable(IsoDateTime());
export const ApplicationSchema = Type.Object({
  number: Type.String(),
  state: State,
  direction: Type.String(),
  form: Type.String(),
  officeCode: Type.String(),
  borderPointCode: Type.String(),
  declarantCode: Type.String(),
  contract: Type.Object({ number: Type.String(), date: Type.String() }),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  lines: Type.Array(
    Type.Object({
      commodityCode: Type.String(),
      plannedQuantity: Type.String(),
      isRestricted: Type.Optional(Type.Boolean()),
      hasExportDuty: Type.Optional(Type.Boolean()),
    }),
  ),
  isRestricted: Type.Boolean(),
  hasPaymentsDue: Type.Boolean(),
  guaranteeReference: Nullable(Type.String()),
  submittedAt: Type.String(),
  decisionDueAt: Type.String({ description: 'End of the 10th calendar day after filing (art.136 p.2)' }),
  isDecisionOverdue: Type.Boolean({ description: 'AMB-10: still undecided after the 10 days' }),
  escalatedAt: Instant,
  refusalNoticeDueAt: Instant,
  decision: Nullable(
    Type.Object({
      decidedAt: Type.String(),
      decidedBy: Nullable(Type.String()),
      form: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      conditions: Nullable(Type.String()),
      isLate: Nullable(Type.Boolean()),
    }),
  ),
  declarationDueAt: Instant,
  isDeclarationOverdue: Type.Boolean(),
  originalDeclarationDueAt: Instant,
  extensionReason: Nullable(Type.String()),
  wholeLotExitedOn: Nullable(Type.String()),
  exportDueAt: Instant,
  withdrawalDueAt: Instant,
  withdrawnAt: Instant,
  annulledAt: Instant,
  declarationNumber: Nullable(Type.String()),
  declaredAt: Instant,
  closedAt: Instant,
  notices: Type.Array(NoticeSchema),
  consignments: Type.Array(Type.Object({ commodityCode: Type.String(), planned: Type.String(), notified: Type.String(), actual: Type.String() }), {
    description: 'One consignment per code (art.136 p.5)',
  }),
});
