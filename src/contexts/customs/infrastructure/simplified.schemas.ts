/** Request and response schemas of simplified declaring of exports (art.137; docs/customs-declarant-requests.md). */
import { Type } from 'typebox';
import { IsoDate, IsoDateTime, Line, Nullable, Strict } from '../../../platform/schemas.ts';
import { SIMPLIFIED_PROCEDURES, type SimplifiedProcedure, type SimplifiedState } from '../domain/simplified.ts';

const Procedure = Type.Unsafe<SimplifiedProcedure>({
  type: 'string',
  enum: [...SIMPLIFIED_PROCEDURES],
  description: 'Incomplete declaration (art.135) or periodic declaring (art.136)',
});
const State = Type.Unsafe<SimplifiedState>({ type: 'string', enum: ['REQUESTED', 'GRANTED', 'REFUSED'] });

export const SimplifiedNumberParams = Type.Object({ number: Type.String({ pattern: '^SE-\\d{4}-\\d{6}$', description: 'Request number' }) }, Strict);

export const SimplifiedRequestBody = Type.Object(
  {
    procedure: Procedure,
    officeCode: Type.String({ minLength: 1, maxLength: 40, description: 'The office that will clear the exports' }),
    commodityCodes: Type.Array(Type.String({ pattern: '^\\d{10}$' }), { minItems: 1, maxItems: 100, description: 'Codes of the domestic goods exported' }),
    validFrom: IsoDate('First day the procedure is asked for (today or later)'),
    validTo: IsoDate('Last day'),
    reason: Line(2000, 'Why the simplified procedure is asked (art.137 p.1)'),
  },
  Strict,
);

export const SimplifiedDecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('grant'), Type.Literal('refuse')]),
    reason: Type.Optional(Line(2000, 'Required for a refusal')),
    conditions: Type.Optional(Line(2000, 'Conditions to meet to use the procedure; required for a refusal (art.137 p.3)')),
  },
  Strict,
);

export const SimplifiedQuery = Type.Object({ state: Type.Optional(State), officeCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) }, Strict);

export const SimplifiedSchema = Type.Object({
  number: Type.String(),
  procedure: Procedure,
  source: Type.String({ description: '`request`, or `periodic_application` when the art.136 application was the request' }),
  periodicApplicationNumber: Nullable(Type.String()),
  declarantCode: Type.String(),
  officeCode: Type.String(),
  commodityCodes: Type.Array(Type.String()),
  validFrom: Type.String(),
  validTo: Type.String(),
  reason: Type.String(),
  state: State,
  requestedAt: IsoDateTime(),
  refusalNoticeDueAt: IsoDateTime(),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(IsoDateTime()),
  decisionReason: Nullable(Type.String()),
  refusalConditions: Nullable(Type.String()),
  isDecisionLate: Nullable(Type.Boolean()),
  facts: Nullable(
    Type.Object({
      arrears: Type.Array(Type.Object({ reference: Type.String(), outstandingDirams: Type.String() })),
      restrictedCodes: Type.Array(Type.String()),
    }),
  ),
});
