/** Request and response schemas of customs escort (docs/customs-audits.md). */
import { Type } from 'typebox';
import { InstantInput, IsoDate, IsoDateTime, Line, LocalisedText, Nullable, Strict, Tin, Uuid } from '../../../platform/schemas.ts';
import { ESCORT_STATES, type EscortState } from '../domain/escort.ts';
import { CaseHistory, caseNumberParams, listPage } from './case-schemas.ts';

const State = Type.Unsafe<EscortState>({ type: 'string', enum: [...ESCORT_STATES], description: 'State of catalog 3.4' });
const OfficeCode = (description: string) => Type.String({ minLength: 1, maxLength: 40, description, examples: ['PANJI-POYON'] });
const Reference = (description: string) => Type.String({ pattern: '^[A-Za-z0-9/-]{3,40}$', description });
const Dirams = Type.String({ pattern: '^\\d{1,16}$', description: 'Amount in dirams', examples: ['30000'] });

export const NumberParams = caseNumberParams('ESC', 'Escort number');

const facts = {
  carriage: Type.Object(
    {
      kind: Type.Union([Type.Literal('transit'), Type.Literal('without_transit')], { description: 'Art.402(1) p.2 i.1 (transit) or i.2' }),
      transitNumber: Type.Optional(Reference('Transit declaration number')),
      declarationNumber: Type.Optional(Reference('Goods declaration number')),
      vehicle: Line(40, 'Registration number of the vehicle'),
      isForeignGoodsUnderControl: Type.Optional(Type.Boolean({ description: 'Foreign goods under customs control (i.2)' })),
    },
    Strict,
  ),
  guaranteeReference: Type.Optional(Reference('Transit guarantee in the registry')),
  unexecutedDecisions: Type.Optional(
    Type.Array(Line(60), { maxItems: 50, description: 'AMB-22: final administrative decisions against the carrier not executed' }),
  ),
  overdueDutyReferences: Type.Optional(Type.Array(Line(60), { maxItems: 50, description: 'Import duties and taxes the carrier did not pay in time' })),
  hasExciseGoods: Type.Optional(Type.Boolean()),
  riskDecisionId: Type.Optional(Uuid('RMS decision whose measures include escort')),
};

export const GroundsBody = Type.Object(facts, Strict);
export const DecideBody = Type.Object(
  {
    ...facts,
    carrier: Type.Object(
      { code: Type.String({ pattern: '^[A-Z0-9-]{3,40}$', description: 'TIN or foreign code' }), name: Line(300), tin: Type.Optional(Tin()) },
      Strict,
    ),
    payerTin: Type.Optional(Tin('Who pays the fee; the carrier’s TIN by default')),
    route: Type.Object(
      {
        fromOffice: OfficeCode('Office of departure'),
        toOffice: OfficeCode('Office of destination'),
        distanceKm: Type.Integer({ minimum: 1, maximum: 10000 }),
      },
      Strict,
    ),
  },
  Strict,
);
export const InformBody = Type.Object(
  {
    method: Type.Union([Type.Literal('electronic'), Type.Literal('written'), Type.Literal('in_person'), Type.Literal('phone')]),
    lateReason: Type.Optional(Line(2000, 'Required after the 24 hours')),
  },
  Strict,
);
export const OrganiseBody = Type.Object(
  {
    team: Type.Array(Line(200), { minItems: 1, maxItems: 20 }),
    startsAt: InstantInput('When the escorted vehicle sets off'),
    lateReason: Type.Optional(Line(2000, 'Required when organised or starting after the 24 hours')),
  },
  Strict,
);
export const CompleteBody = Type.Object({ note: Type.Optional(Line(2000)) }, Strict);
export const CancelBody = Type.Object({ reason: Line(2000) }, Strict);
export const ListQuery = Type.Object(
  {
    state: Type.Optional(State),
    isOverdue: Type.Optional(Type.Boolean()),
    ...listPage,
  },
  Strict,
);
export const FeeTableBody = Type.Object(
  {
    validFrom: IsoDate('First day the table applies (today or later)'),
    legalBasis: Line(500, 'The Government decision'),
    bands: Type.Array(
      Type.Object(
        { fromKm: Type.Integer({ minimum: 0, maximum: 100000 }), toKm: Nullable(Type.Integer({ minimum: 1, maximum: 100000 })), amountDirams: Dirams },
        Strict,
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  Strict,
);

const StoredFacts = Type.Object({
  carriage: Type.String(),
  guaranteeDirams: Nullable(Type.String()),
  art383Dirams: Nullable(Type.String({ description: 'Null while the Article 383 amount is not entered (AMB-18)' })),
  unexecutedDecisions: Type.Array(Type.String()),
  overdueDutyReferences: Type.Array(Type.String()),
  hasExciseGoods: Type.Boolean(),
  riskMeasures: Type.Array(Type.String()),
  isForeignGoodsUnderControl: Type.Boolean(),
});
const Ground = Type.Object({ code: Type.String(), title: LocalisedText });

export const GroundsSchema = Type.Object({ grounds: Type.Array(Ground), isEscortApplicable: Type.Boolean(), facts: StoredFacts });

export const EscortSchema = Type.Object({
  number: Type.String(),
  state: State,
  carriage: Type.Object({ kind: Type.String(), transitNumber: Nullable(Type.String()), declarationNumber: Nullable(Type.String()), vehicle: Type.String() }),
  carrier: Type.Object({ code: Type.String(), name: Type.String(), tin: Nullable(Type.String()) }),
  payerTin: Type.String(),
  route: Type.Object({ fromOffice: Type.String(), toOffice: Type.String(), distanceKm: Type.Integer() }),
  grounds: Type.Array(Ground),
  facts: StoredFacts,
  guaranteeReference: Nullable(Type.String()),
  riskDecisionId: Nullable(Type.String()),
  decidedAt: IsoDateTime(),
  decidedBy: Type.String(),
  dueAt: IsoDateTime('Decision + 24 hours (art.402(1) p.3)'),
  isOverdue: Type.Boolean(),
  informed: Nullable(Type.Object({ at: IsoDateTime(), method: Nullable(Type.String()), isLate: Type.Boolean() })),
  organised: Nullable(Type.Object({ at: IsoDateTime(), team: Type.Array(Type.String()), startsAt: Nullable(IsoDateTime()), isLate: Type.Boolean() })),
  lateReason: Nullable(Type.String()),
  overdueNotifiedAt: Nullable(IsoDateTime()),
  fee: Type.Object({
    amountDirams: Dirams,
    tableValidFrom: IsoDate(),
    band: Type.Object({ fromKm: Type.Integer(), toKm: Nullable(Type.Integer()) }),
    paymentReference: Nullable(Type.String()),
    paymentOrderVersion: Nullable(Type.Integer()),
  }),
  startedAt: Nullable(IsoDateTime()),
  completedAt: Nullable(IsoDateTime()),
  completionNote: Nullable(Type.String()),
  cancelled: Nullable(Type.Object({ at: IsoDateTime(), reason: Nullable(Type.String()) })),
  history: CaseHistory,
});

export const FeeTableSchema = Type.Object({
  validFrom: IsoDate(),
  legalBasis: Type.String(),
  bands: Type.Array(Type.Object({ fromKm: Type.Integer(), toKm: Nullable(Type.Integer()), amountDirams: Dirams })),
});

export const ProposalSchema = Type.Object({
  decisionId: Type.String(),
  subjectKind: Type.String(),
  subjectId: Type.String(),
  lane: Type.String(),
  measures: Type.Array(Type.String()),
  receivedAt: IsoDateTime(),
});
