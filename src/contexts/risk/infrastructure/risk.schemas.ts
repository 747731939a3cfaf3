/** Request and response schemas of the risk management system (docs/risk.md). */
import { type TSchema, Type } from 'typebox';
import { IsoDate, LocalisedText, Nullable, Strict, Uuid } from '../../../platform/schemas.ts';
import { LANES, MEASURES, RISK_CATEGORIES, RISK_KINDS, SUBJECT_KINDS } from '../domain/model.ts';
import { PROFILE_STATES } from '../domain/profiles.ts';
import { TRADER_FACT_KINDS } from '../domain/trader-facts.ts';

const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v as string)) as TSchema[], description ? { description } : {}));
const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S', description });
const ControlLane = literals(['blue', 'yellow', 'red'], 'The lane the profile sends a selected subject to');
const Rate = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

const ProfileContent = {
  area: Type.Object(
    { tg: Text(4000), ru: Text(4000), en: Text(4000) },
    { ...Strict, description: 'Area of risk: the description of the risk and the conditions in which it arises (art.428 i.13), Tajik, Russian, English' },
  ),
  categories: Type.Array(literals(RISK_CATEGORIES), { minItems: 1, maxItems: 4, description: 'Art.427 p.2 categories of the violations concerned' }),
  kind: literals(RISK_KINDS, 'Identified (a violation is known) or potential (art.428 i.2-3)'),
  indicator: Type.Unknown({
    description:
      'The risk indicator (art.428 i.12) as JSON: {op: in|not_in|prefix|contains, field, values} | {op: compare, field, cmp, value} | {op: below_reference, table, ratio} | {op: first_time} | {op: route_deviation} | {op: missing_document, typeCode} | {op: all|any, of: [...]} | {op: not, of}',
    examples: [
      {
        op: 'all',
        of: [
          { op: 'prefix', field: 'item.commodityCode', values: ['8517'] },
          { op: 'in', field: 'item.originCountry', values: ['CN'] },
        ],
      },
    ],
  }),
  subjects: Type.Array(literals(SUBJECT_KINDS), { minItems: 1, maxItems: 3, description: 'What the profile applies to' }),
  lane: ControlLane,
  selectionPercent: Type.Integer({ minimum: 1, maximum: 100, description: 'The share of the subjects it meets that it selects ("RedLane IS 40")' }),
  measures: Type.Array(literals(MEASURES), { maxItems: 6, description: 'Risk minimisation measures (art.428 i.7)' }),
  level: Type.Integer({ minimum: 1, maximum: 5, description: 'Risk level (art.428 i.4): 1 low … 5 critical' }),
  validFrom: IsoDate('First day in force (Dushanbe)'),
  validTo: IsoDate('Last day in force (Dushanbe)'),
};
export const ProfileBody = Type.Object(ProfileContent, Strict);
export const NewProfileBody = Type.Object(
  { code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9_-]{1,39}$', description: 'The profile’s code, e.g. RP-2026-017' }), ...ProfileContent },
  Strict,
);

const Instant = Nullable(Type.String());
export const VersionSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  state: literals(PROFILE_STATES),
  area: LocalisedText,
  categories: Type.Array(Type.String()),
  kind: Type.String(),
  indicator: Type.Unknown(),
  objects: Type.Array(Type.String(), { description: 'The art.429 objects of analysis the indicator reads' }),
  subjects: Type.Array(Type.String()),
  lane: Type.String(),
  selectionPercent: Type.Integer(),
  measures: Type.Array(Type.String()),
  level: Type.Integer(),
  validFrom: Type.String(),
  validTo: Type.String(),
  isApplied: Type.Boolean({ description: 'Active and within its validity period today' }),
  createdBy: Type.String({ description: 'Who last wrote it (its author for the four-eyes rule)' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  approvedBy: Nullable(Type.String()),
  approvedAt: Instant,
  activatedBy: Nullable(Type.String()),
  activatedAt: Instant,
  retiredBy: Nullable(Type.String()),
  retiredAt: Instant,
});
export const ProfileSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  activeVersion: Nullable(Type.Integer()),
  versions: Type.Array(VersionSchema),
});
export const ProfileListItem = Type.Object({
  id: Type.String(),
  code: Type.String(),
  latest: Type.Object({
    version: Type.Integer(),
    state: Type.String(),
    lane: Type.String(),
    level: Type.Integer(),
    area: LocalisedText,
    validFrom: Type.String(),
    validTo: Type.String(),
  }),
  activeVersion: Nullable(Type.Integer()),
  isApplied: Type.Boolean(),
  states: Type.Array(Type.String()),
});
export const ProfileListQuery = Type.Object({ state: Type.Optional(literals(PROFILE_STATES)) }, Strict);
export const VersionParams = Type.Object({ id: Uuid(), version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }, Strict);

export const SimulationBody = Type.Object(
  {
    subjects: Type.Optional(Type.Array(literals(SUBJECT_KINDS), { minItems: 1, maxItems: 3 })),
    from: Type.Optional(IsoDate('First day of registration (Dushanbe)')),
    to: Type.Optional(IsoDate('Last day of registration (Dushanbe)')),
    sampleSize: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  Strict,
);
const LaneCounts = Type.Object({ green: Type.Integer(), blue: Type.Integer(), yellow: Type.Integer(), red: Type.Integer() });
export const SimulationSchema = Type.Object({
  version: Type.Integer(),
  evaluated: Type.Integer(),
  matched: Type.Integer(),
  matchRate: Type.Number(),
  byLane: LaneCounts,
  withoutLane: Type.Integer(),
  controlledAmongMatched: Type.Integer(),
  foundAmongMatched: Type.Integer(),
  sample: Type.Array(Type.Object({ id: Type.String(), number: Type.String(), items: Type.Array(Type.Integer()) })),
  elapsedMs: Type.Number(),
});

const Reroute = Type.Object({
  fromLane: Type.String(),
  toLane: Type.String(),
  isUpward: Type.Boolean(),
  reason: Type.String(),
  actor: Type.String(),
  at: Type.String(),
});
const summaryFields = {
  id: Type.String(),
  subjectKind: Type.String(),
  subjectId: Type.String(),
  subjectNumber: Type.String(),
  decidedAt: Type.String(),
  decidedLane: Type.String({ description: 'The lane the engine gave' }),
  lane: Type.String({ description: 'The lane in force (after any re-routing)' }),
  measures: Type.Array(Type.String()),
  basis: Type.String({ description: 'profile, random or none' }),
  profileCodes: Type.Array(Type.String(), { description: 'Codes of the profiles that selected the subject (no indicator)' }),
  reroutes: Type.Array(Reroute),
};
export const DecisionSummarySchema = Type.Object(summaryFields);
export const DecisionDetailSchema = Type.Object({
  ...summaryFields,
  decidedMeasures: Type.Array(Type.String()),
  hits: Type.Array(
    Type.Object({
      versionId: Type.String(),
      code: Type.String(),
      items: Type.Array(Type.Integer()),
      selected: Type.Boolean(),
      profileId: Nullable(Type.String()),
      version: Nullable(Type.Integer()),
      lane: Nullable(Type.String()),
      indicator: Type.Unknown(),
    }),
  ),
  seed: Type.String(),
  settings: Type.Unknown({ description: 'The settings and the observed lane shares the draw used' }),
  snapshotId: Type.String(),
  inputsVersion: Type.Integer(),
  subject: Type.Unknown({ description: 'The subject as the engine evaluated it' }),
  controlResults: Type.Array(
    Type.Object({ isViolationFound: Type.Boolean(), findings: Type.String(), additionalDirams: Type.String(), source: Type.String(), at: Type.String() }),
  ),
});
export const DecisionListQuery = Type.Object(
  {
    subjectId: Type.Optional(Uuid('The declaration or preliminary information')),
    lane: Type.Optional(literals(LANES)),
    kind: Type.Optional(literals(SUBJECT_KINDS)),
    from: Type.Optional(IsoDate()),
    to: Type.Optional(IsoDate()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  Strict,
);
export const RerouteBody = Type.Object(
  {
    lane: literals(LANES),
    reason: Type.Optional(Type.String({ maxLength: 2000, description: 'Required to lower the lane' })),
  },
  Strict,
);
const Outcome = Type.Object({ lane: Type.String(), measures: Type.Array(Type.String()), basis: Type.String(), hits: Type.Array(Type.Unknown()) });
export const ReproductionSchema = Type.Object({
  decisionId: Type.String(),
  snapshotId: Type.String(),
  profilesInSnapshot: Type.Integer(),
  stored: Outcome,
  reproduced: Outcome,
  isEqual: Type.Boolean(),
  elapsedMs: Type.Number(),
});

export const PeriodQuery = Type.Object({ from: Type.Optional(IsoDate()), to: Type.Optional(IsoDate()) }, Strict);
export const ProfileReportQuery = Type.Object(
  {
    from: Type.Optional(IsoDate()),
    to: Type.Optional(IsoDate()),
    neverHit: Type.Optional(Type.Boolean({ description: 'Only versions that never (true) or that did (false) hit' })),
  },
  Strict,
);
export const ProfileReportSchema = Type.Array(
  Type.Object({
    profileId: Type.String(),
    versionId: Type.String(),
    code: Type.String(),
    version: Type.Integer(),
    state: Type.String(),
    lane: Type.String(),
    matches: Type.Integer(),
    selections: Type.Integer(),
    controlled: Type.Integer(),
    hits: Type.Integer({ description: 'Controls of its selections that found a violation' }),
    hitRate: Nullable(Type.Number()),
    revenueDirams: Type.String(),
    hasNeverHit: Type.Boolean(),
  }),
);
export const LaneReportSchema = Type.Array(
  Type.Object({
    lane: Type.String(),
    decisions: Type.Integer(),
    share: Type.Number(),
    byProfile: Type.Integer(),
    byRandom: Type.Integer(),
    controlled: Type.Integer(),
    found: Type.Integer(),
    hitRate: Nullable(Type.Number()),
    revenueDirams: Type.String(),
  }),
);

const ExpectedRates = Type.Object({ blue: Rate('Blue'), yellow: Rate('Yellow'), red: Rate('Red') }, Strict);
export const SettingsBody = Type.Object(
  {
    randomRate: Rate('Minimum random rate: the share of subjects no profile selected that go to a control lane at random'),
    expectedRates: ExpectedRates,
    observedWindow: Type.Integer({ minimum: 10, maximum: 100_000, description: 'How many recent decisions the observed lane shares are taken over' }),
  },
  Strict,
);
export const SettingsSchema = Type.Object({
  randomRate: Type.Number(),
  expectedRates: Type.Object({ blue: Type.Number(), yellow: Type.Number(), red: Type.Number() }),
  observedWindow: Type.Integer(),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
});

export const PriceImportBody = Type.Object(
  {
    table: Type.String({ minLength: 1, maxLength: 64, description: 'The price table the `below_reference` indicator names' }),
    csv: Type.String({ minLength: 1, maxLength: 10_000_000, description: 'CSV: commodity_code,price,unit,valid_from,valid_to (somoni per unit)' }),
  },
  Strict,
);
export const PriceImportSchema = Type.Object({ table: Type.String(), imported: Type.Integer(), unchanged: Type.Integer(), closed: Type.Integer() });

export const FactBody = Type.Object(
  {
    traderCode: Type.String({ pattern: '^([0-9]{9}|[A-Z]{2}-[A-Z0-9]{1,30})$', description: 'TIN, or CC-number of a foreign person' }),
    kind: literals(TRADER_FACT_KINDS),
    description: Text(2000),
    reference: Text(200, 'Number of the decision or document'),
    amountDirams: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'Arrears: the amount in dirams' })),
    decidedOn: IsoDate(),
    settledOn: Type.Optional(IsoDate()),
  },
  Strict,
);
export const FactImportBody = Type.Object(
  { csv: Type.String({ minLength: 1, maxLength: 10_000_000, description: 'CSV: trader_code,kind,description,reference,amount_dirams,decided_on,settled_on' }) },
  Strict,
);
export const FactSchema = Type.Object({
  id: Type.String(),
  traderCode: Type.String(),
  kind: Type.String(),
  description: Type.String(),
  reference: Type.String(),
  amountDirams: Nullable(Type.String()),
  decidedOn: Type.String(),
  settledOn: Nullable(Type.String()),
  source: Type.String(),
  recordedAt: Type.String(),
});
export const FactQuery = Type.Object({ traderCode: Type.String({ pattern: '^([0-9]{9}|[A-Z]{2}-[A-Z0-9]{1,30})$' }) }, Strict);
