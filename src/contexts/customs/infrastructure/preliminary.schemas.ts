/** Request and response schemas of preliminary information, outages and the arrival parameters. */
import { Type } from 'typebox';
import { InstantInput, IsoDateTime, Line, Nullable, Strict, Tin, Uuid } from '../../../platform/schemas.ts';
import { OUTAGE_CAUSES, PI_NOT_REQUIRED_LABELS, PI_STATES, PI_TRANSPORT_MODES, PI_USES, VEHICLE_KINDS } from '../domain/preliminary.ts';
import { TRANSPORT_MODES } from '../domain/tables.ts';

/** A string out of a fixed list (JSON Schema `enum`). */
const literals = <T extends string>(values: readonly T[], description?: string) => Type.Enum([...values] as T[], description ? { description } : {});

export const Decimal = (description: string) => Type.String({ pattern: '^\\d{1,12}(\\.\\d{1,3})?$', description, examples: ['1250.5'] });
export const Dirams = (description: string) => Type.String({ pattern: '^\\d{1,18}$', description, examples: ['1250000'] });
export const OfficeCode = (description = 'Customs office code (reference data `offices`)') => Type.String({ pattern: '^[A-Z0-9-]{2,20}$', description });
export const CommodityCode = Type.String({ pattern: '^\\d{10}$', description: '10-digit code of the nomenclature (ТН ВЭД)' });
const Country = (description: string) => Type.String({ pattern: '^[A-Z]{2}$', description });
export const PiNumber = Type.String({
  pattern: '^PI-\\d{4}-\\d{7,}$',
  description: 'Registration number of preliminary information',
  examples: ['PI-2026-0000001'],
});

export const GoodsLineInput = Type.Object(
  {
    commodityCode: CommodityCode,
    description: Line(500, 'Trade description of the goods'),
    quantity: Decimal('Quantity in `unit`, up to 3 decimals'),
    unit: Line(20, 'Unit of measure'),
    grossMassKg: Decimal('Gross mass, kg'),
    valueDirams: Dirams('Value of the goods in dirams (1 somoni = 100 dirams)'),
    originCountry: Country('Country of origin, ISO 3166-1 alpha-2'),
  },
  Strict,
);
export const GoodsLine = Type.Object({ lineNo: Type.Integer({ minimum: 1 }), ...GoodsLineInput.properties });

const Vehicle = Type.Object(
  {
    kind: literals(VEHICLE_KINDS, 'Kind of vehicle or unit'),
    registrationNumber: Line(40, 'Registration or board number'),
    country: Country('Country of registration'),
  },
  Strict,
);
const Carrier = Type.Object(
  {
    name: Line(300, 'Carrier name'),
    country: Country('Country of the carrier'),
    code: Type.Optional(
      Nullable(Type.String({ pattern: '^([0-9]{9}|[A-Z]{2}-[A-Z0-9-]{1,30})$', description: 'Code in the persons register (TIN or CC-registration)' })),
    ),
  },
  Strict,
);
const Passenger = Type.Object(
  {
    fullName: Line(200, 'Full name'),
    documentNumber: Line(40, 'Travel document number'),
    nationality: Country('Nationality'),
  },
  Strict,
);

export const PreliminaryBody = Type.Object(
  {
    transportMode: literals(TRANSPORT_MODES, 'Mode of international transport (pipeline and power line are refused: art.11-1 p.8)'),
    declarantTin: Type.Optional(Nullable(Tin('Declarant (consignee) TIN; for road transport the submitting declarant'))),
    arrivalOfficeCode: OfficeCode('Office of the place of arrival'),
    expectedArrivalAt: InstantInput('Expected time of arrival on the customs territory'),
    carrier: Carrier,
    vehicles: Type.Array(Vehicle, { minItems: 1, maxItems: 20, description: 'Vehicles carrying the goods internationally' }),
    goods: Type.Array(GoodsLineInput, { minItems: 1, maxItems: 999 }),
    passengers: Type.Array(Passenger, { maxItems: 1000, description: 'Passengers entering the customs territory (may be empty)' }),
    paper: Type.Optional(
      Type.Object(
        {
          outageId: Uuid('The recorded outage during which the paper form was received'),
          receivedAt: InstantInput('When customs received the paper form'),
          submitterRole: literals(['declarant', 'carrier'], 'Who handed in the form'),
          submitterTin: Tin('TIN of who handed in the form'),
        },
        { ...Strict, description: 'Only for a customs officer keying in a paper submission (art.11-1 p.2)' },
      ),
    ),
  },
  { ...Strict, title: 'PreliminaryInformationInput' },
);

export const PreliminarySchema = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    status: literals(PI_STATES),
    channel: literals(['electronic', 'paper']),
    outageId: Nullable(Type.String()),
    transportMode: literals(PI_TRANSPORT_MODES),
    submitter: Type.Object({ role: Type.String(), tin: Type.String() }),
    declarantTin: Nullable(Type.String()),
    arrivalOfficeCode: Type.String(),
    expectedArrivalAt: IsoDateTime(),
    carrier: Carrier,
    vehicles: Type.Array(Vehicle),
    goods: Type.Array(GoodsLine),
    passengers: Type.Array(Passenger),
    submittedAt: IsoDateTime(),
    registeredAt: Nullable(IsoDateTime()),
    expiresAt: Nullable(IsoDateTime('End of the 30 calendar days of use (art.11-1 p.6)')),
    refusedAt: Nullable(IsoDateTime()),
    refusalReason: Nullable(Type.String()),
    expiredAt: Nullable(IsoDateTime()),
    uses: Type.Array(Type.Object({ use: literals(PI_USES), usedAt: IsoDateTime(), reference: Nullable(Type.String()) })),
  },
  { title: 'PreliminaryInformation' },
);

export const NumberParams = Type.Object({ number: PiNumber }, Strict);

export const DecisionBody = Type.Union(
  [
    Type.Object({ decision: Type.Literal('register') }, Strict),
    Type.Object({ decision: Type.Literal('refuse'), reason: Line(2000, 'Reason for the refusal (art.11-1 p.5)') }, Strict),
  ],
  { title: 'PreliminaryDecision' },
);

export const PreliminaryListQuery = Type.Object(
  {
    status: Type.Optional(literals(PI_STATES)),
    officeCode: Type.Optional(OfficeCode()),
    arrivingFrom: Type.Optional(InstantInput('Expected arrival at or after')),
    arrivingTo: Type.Optional(InstantInput('Expected arrival at or before')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  Strict,
);

export const NotRequiredReasons = Type.Array(
  Type.Object({
    code: literals(Object.keys(PI_NOT_REQUIRED_LABELS) as (keyof typeof PI_NOT_REQUIRED_LABELS)[]),
    kind: literals(['optional', 'never']),
    title: Type.String(),
  }),
  { title: 'PreliminaryNotRequiredReasons' },
);

export const OutageBody = Type.Object(
  {
    startedAt: InstantInput('Start of the outage'),
    endedAt: Type.Optional(Nullable(InstantInput('End of the outage, if already over'))),
    cause: literals(OUTAGE_CAUSES, 'Ground of art.11-1 p.2 / art.124 p.3'),
    description: Line(2000, 'What failed'),
    officeCodes: Type.Array(OfficeCode(), { minItems: 1, maxItems: 200, description: 'Offices affected' }),
  },
  { ...Strict, title: 'OutageInput' },
);
export const OutageEndBody = Type.Object({ endedAt: Type.Optional(InstantInput('End of the outage; default now')) }, Strict);
export const OutageSchema = Type.Object(
  {
    id: Type.String(),
    startedAt: IsoDateTime(),
    endedAt: Nullable(IsoDateTime()),
    cause: literals(OUTAGE_CAUSES),
    description: Type.String(),
    officeCodes: Type.Array(Type.String()),
    recordedBy: Type.String(),
    recordedAt: IsoDateTime(),
  },
  { title: 'Outage' },
);
export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  Strict,
);

const Days = (description: string, max = 366) => Type.Integer({ minimum: 1, maximum: max, description });
export const SettingsBody = Type.Object(
  {
    piRegistration: literals(['automatic', 'manual'], 'A-02: register after format checks, or wait for an officer'),
    piKeptDays: Days('Art.11-1 p.6: calendar days preliminary information stays usable (30)'),
    storageOrdinaryDays: Days('Art.103 p.1: ordinary storage period in days (15)'),
    storageMaximumDays: Days('Art.103 p.1: maximum storage period in days (90)'),
    storageWarningDays: Type.Integer({ minimum: 0, maximum: 30, description: 'Days before each limit when the warning goes out' }),
  },
  { ...Strict, title: 'ArrivalSettingsInput' },
);
export const SettingsSchema = Type.Object(
  {
    piRegistration: Type.String(),
    piKeptDays: Type.Integer(),
    storage: Type.Object({ ordinaryDays: Type.Integer(), maximumDays: Type.Integer(), warningDays: Type.Integer() }),
    updatedAt: IsoDateTime(),
    updatedBy: Type.String(),
  },
  { title: 'ArrivalSettings' },
);
