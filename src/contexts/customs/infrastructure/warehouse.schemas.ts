/** Request and response schemas of the warehouse register and the owner's goods record. */
import { Type } from 'typebox';
import { IsoDate, IsoDateTime, Line, Nullable, Strict } from '../../../platform/schemas.ts';
import { WAREHOUSE_PURPOSES, WAREHOUSE_TYPES } from '../domain/warehouses.ts';
import { Decimal, Dirams, OfficeCode } from './preliminary.schemas.ts';
import { StorageNumber } from './storage.schemas.ts';

/** A string out of a fixed list (JSON Schema `enum`). */
const literals = <T extends string>(values: readonly T[], description?: string) => Type.Enum([...values] as T[], description ? { description } : {});

const Insurance = Type.Object(
  {
    insurer: Line(300, 'Insurance company'),
    policyNumber: Line(60, 'Policy number'),
    validFrom: IsoDate('First day of cover'),
    validTo: IsoDate('Last day of cover'),
    sumDirams: Dirams('Sum insured in dirams'),
  },
  { ...Strict, description: 'Liability insurance toward other persons: open-type warehouses only (art.109 p.1 i.2, art.110 p.2 i.5)' },
);

export const ApplicationBody = Type.Object(
  {
    name: Line(300, 'Name of the warehouse'),
    type: literals(WAREHOUSE_TYPES, 'Open type (any persons’ goods) or closed type (the owner’s goods)'),
    purposes: Type.Array(literals(WAREHOUSE_PURPOSES), { minItems: 1, maxItems: 3, description: 'A closed type offers `own_goods` only (art.106 p.3)' }),
    officeCode: OfficeCode('Customs office in whose region the warehouse is'),
    address: Line(500, 'Address'),
    areaSqm: Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'Useful area, m²' }),
    insurance: Type.Optional(Nullable(Insurance)),
    insurancePolicyDocument: Type.Optional(
      Nullable(Line(200, 'Reference of the attached electronic copy of the insurance policy (art.110 p.3 i.5): open type only')),
    ),
  },
  { ...Strict, title: 'WarehouseApplicationInput' },
);

export const ApplicationSchema = Type.Object(
  {
    id: Type.String(),
    applicantTin: Type.String(),
    name: Type.String(),
    type: literals(WAREHOUSE_TYPES),
    purposes: Type.Array(Type.String()),
    officeCode: Type.String(),
    address: Type.String(),
    areaSqm: Type.Integer(),
    insurance: Nullable(Insurance),
    insurancePolicyDocument: Nullable(Type.String()),
    status: literals(['submitted', 'approved', 'refused']),
    submittedAt: IsoDateTime(),
    decidedAt: Nullable(IsoDateTime()),
    decisionReason: Nullable(Type.String()),
    warehouseId: Nullable(Type.String()),
  },
  { title: 'WarehouseApplication' },
);

export const ApplicationDecisionBody = Type.Union(
  [
    Type.Object({ decision: Type.Literal('approve'), reason: Type.Optional(Line(2000)) }, Strict),
    Type.Object({ decision: Type.Literal('refuse'), reason: Line(2000, 'Reasons for the refusal') }, Strict),
  ],
  { title: 'WarehouseApplicationDecision' },
);

export const WarehouseSchema = Type.Object(
  {
    id: Type.String(),
    registerNumber: Type.String(),
    ownerTin: Type.String(),
    name: Type.String(),
    type: literals(WAREHOUSE_TYPES),
    purposes: Type.Array(Type.String()),
    officeCode: Type.String(),
    region: Type.String(),
    address: Type.String(),
    areaSqm: Type.Integer(),
    status: literals(['active', 'excluded']),
    registeredAt: IsoDateTime(),
  },
  { title: 'TemporaryStorageWarehouse' },
);

export const RegisterQuery = Type.Object({ officeCode: Type.Optional(OfficeCode()) }, Strict);
export const ApplicationsQuery = Type.Object({ status: Type.Optional(literals(['submitted', 'approved', 'refused'])) }, Strict);
export const PurposesQuery = Type.Object({ type: literals(WAREHOUSE_TYPES) }, Strict);

export const EntryBody = Type.Object(
  {
    direction: literals(['in', 'out'], 'Goods in (against the short declaration) or out (against the release document)'),
    storageNumber: StorageNumber,
    lineNo: Type.Integer({ minimum: 1, maximum: 999, description: 'Goods line of the storage record' }),
    quantity: Decimal('Quantity in the unit of the line'),
    documentNumber: Line(60, 'Short declaration number (in) or release document number (out)'),
    channel: Type.Optional(literals(['portal', 'owner_software'], 'Who posts: the portal, or the owner’s own warehouse software through the API (art.112)')),
    externalId: Type.Optional(Line(100, 'Id in the owner’s software: a repeat returns the first posting')),
  },
  { ...Strict, title: 'WarehouseEntryInput' },
);

export const EntrySchema = Type.Object(
  {
    id: Type.String(),
    warehouseId: Type.String(),
    storageId: Type.String(),
    direction: literals(['in', 'out']),
    documentKind: Type.String(),
    documentNumber: Type.String(),
    lineNo: Type.Integer(),
    commodityCode: Type.String(),
    unit: Type.String(),
    quantity: Type.String(),
    channel: Type.String(),
    externalId: Nullable(Type.String()),
    postedAt: IsoDateTime(),
    postedBy: Type.String(),
  },
  { title: 'WarehouseEntry' },
);

export const BalanceSchema = Type.Object(
  {
    storageNumber: Type.String(),
    lineNo: Type.Integer(),
    commodityCode: Type.String(),
    unit: Type.String(),
    quantityIn: Type.String(),
    quantityOut: Type.String(),
    onHand: Type.String(),
  },
  { title: 'WarehouseBalance' },
);
