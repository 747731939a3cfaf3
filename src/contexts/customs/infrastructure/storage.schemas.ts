/** Request and response schemas of temporary storage. */
import { Type } from 'typebox';
import { InstantInput, IsoDate, IsoDateTime, Line, Nullable, Strict, Tin, Uuid } from '../../../platform/schemas.ts';
import { PLACE_KINDS, RELEASE_BASES, STORAGE_STATES, STORAGE_TRIGGERS } from '../domain/storage.ts';
import { Dirams, GoodsLine, GoodsLineInput, OfficeCode, PiNumber } from './preliminary.schemas.ts';

/** A string out of a fixed list (JSON Schema `enum`). */
const literals = <T extends string>(values: readonly T[], description?: string) => Type.Enum([...values] as T[], description ? { description } : {});

export const StorageNumber = Type.String({
  pattern: '^TS-\\d{4}-\\d{7,}$',
  description: 'Number of the temporary storage record',
  examples: ['TS-2026-0000001'],
});
export const StorageParams = Type.Object({ number: StorageNumber }, Strict);

export const PresentBody = Type.Object(
  {
    trigger: literals(STORAGE_TRIGGERS, 'Presentation at the place of arrival (art.77 p.2) or completion of internal transit (art.92 p.13)'),
    preliminaryNumber: Type.Optional(PiNumber),
    transitReference: Type.Optional(Line(60, 'Internal transit record that was completed')),
    completedAt: Type.Optional(InstantInput('When internal transit was completed')),
    officeCode: Type.Optional(OfficeCode('Office where the goods are; default the office of arrival of the preliminary information')),
    declarantTin: Type.Optional(Tin('Whose goods; default the declarant of the preliminary information')),
    goods: Type.Optional(Type.Array(GoodsLineInput, { minItems: 1, maxItems: 999, description: 'Only without preliminary information' })),
  },
  { ...Strict, title: 'StoragePresentationInput' },
);

export const ShortDeclarationBody = Type.Object(
  {
    placeKind: literals(PLACE_KINDS, 'A temporary storage warehouse of the register, another customs control zone, or the recipient’s warehouse (art.117)'),
    warehouseId: Type.Optional(Uuid('Warehouse of the register (placeKind `warehouse`)')),
    officeCode: Type.Optional(OfficeCode('Office whose control zone holds the goods; default the office of presentation')),
    placeDescription: Type.Optional(Line(500, 'Address of the control zone or recipient’s warehouse')),
    guaranteeReference: Type.Optional(Line(60, 'Security for payment (Chapter 46); required at the recipient’s warehouse')),
    guaranteeDirams: Type.Optional(Dirams('Amount of the security in dirams')),
  },
  { ...Strict, title: 'ShortDeclarationInput' },
);

export const ExtensionBody = Type.Object(
  { until: IsoDate('Last day of storage asked for (no later than the maximum period)'), reason: Line(2000, 'Reasons for the request') },
  { ...Strict, title: 'StorageExtensionRequest' },
);
export const ExtensionDecisionBody = Type.Union(
  [
    Type.Object(
      { decision: Type.Literal('grant'), until: Type.Optional(IsoDate('Last day granted; default the day asked')), reason: Type.Optional(Line(2000)) },
      Strict,
    ),
    Type.Object({ decision: Type.Literal('refuse'), reason: Line(2000, 'Reasons for the refusal') }, Strict),
  ],
  { title: 'StorageExtensionDecision' },
);
export const ExtensionSchema = Type.Object(
  {
    id: Type.String(),
    storageId: Type.String(),
    requestedAt: IsoDateTime(),
    requestedBy: Type.String(),
    reason: Type.String(),
    requestedUntil: Type.String(),
    status: literals(['requested', 'granted', 'refused']),
    decidedAt: Nullable(IsoDateTime()),
    decidedBy: Nullable(Type.String()),
    decisionReason: Nullable(Type.String()),
    grantedUntil: Nullable(IsoDateTime()),
  },
  { title: 'StorageExtension' },
);

export const ReleaseBody = Type.Object(
  {
    basis: literals(RELEASE_BASES, 'The customs declaration, or the notice under periodic declaring (art.136 p.8)'),
    documentNumber: Line(60, 'Number of that document'),
  },
  { ...Strict, title: 'StorageReleaseInput' },
);

const Release = Nullable(Type.Object({ releasedAt: IsoDateTime(), basis: Nullable(Type.String()), documentNumber: Nullable(Type.String()) }));

export const StorageSchema = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    status: literals(STORAGE_STATES),
    trigger: literals(STORAGE_TRIGGERS),
    transitReference: Nullable(Type.String()),
    preliminaryNumber: Nullable(Type.String()),
    officeCode: Type.String(),
    region: Type.String(),
    declarantTin: Type.String(),
    transportMode: Nullable(Type.String()),
    goods: Type.Array(GoodsLine),
    startedAt: IsoDateTime('Start of temporary storage: presentation or completion of internal transit'),
    recordedAt: IsoDateTime(),
    shortDeclarationDueAt: IsoDateTime('End of the next working day of the office (art.77 p.2)'),
    shortDeclarationOverdueAt: Nullable(IsoDateTime('When the missing short declaration was flagged')),
    shortDeclaration: Nullable(
      Type.Object({
        number: Nullable(Type.String()),
        declaredAt: IsoDateTime(),
        actedAs: Nullable(Type.String()),
        representativeTin: Nullable(Type.String()),
        placeKind: Nullable(Type.String()),
        warehouseId: Nullable(Type.String()),
        placeDescription: Nullable(Type.String()),
      }),
    ),
    guarantee: Nullable(Type.Object({ reference: Type.String(), amountDirams: Type.String() })),
    ordinaryEndsAt: IsoDateTime(),
    extendedUntil: Nullable(IsoDateTime()),
    periodEndsAt: IsoDateTime('End of the period in force (ordinary or extended)'),
    maximumEndsAt: IsoDateTime(),
    release: Release,
    disposalAt: Nullable(IsoDateTime('When the goods were handed to disposal under Chapter 57')),
    extensions: Type.Optional(Type.Array(ExtensionSchema)),
  },
  { title: 'TemporaryStorage' },
);

export const StorageSummarySchema = Type.Object(
  {
    number: Type.String(),
    status: literals(STORAGE_STATES),
    officeCode: Type.String(),
    declarantTin: Type.String(),
    presentedAt: IsoDateTime(),
    shortDeclarationDueAt: IsoDateTime(),
    ordinaryEndsAt: IsoDateTime(),
    maximumEndsAt: IsoDateTime(),
    goods: Type.Array(GoodsLine),
    warehouseId: Nullable(Type.String()),
    release: Release,
  },
  { title: 'TemporaryStorageSummary' },
);

export const StorageListQuery = Type.Object(
  {
    status: Type.Optional(literals(STORAGE_STATES)),
    officeCode: Type.Optional(OfficeCode()),
    overdue: Type.Optional(Type.Boolean({ description: 'Only records whose short declaration was flagged overdue (true) or not (false)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  Strict,
);
