/** Request and response schemas of sample permissions and of results of tests of samples (docs/customs-declarant-requests.md). */
import { Type } from 'typebox';
import { IsoDate, IsoDateTime, Line, Nullable, Strict, Uuid } from '../../../platform/schemas.ts';
import { LAB_CONCLUSIONS, type LabConclusion, SAMPLE_PERMISSION_STATES, type SamplePermissionState } from '../domain/sample-permissions.ts';

const Code = Type.String({ pattern: '^\\d{10}$', description: '10-digit classification code of the goods sampled' });
const Quantity = Type.String({
  pattern: '^(0|[1-9]\\d{0,14})(\\.\\d{1,3})?$',
  description: 'Quantity in the unit of the code (kg, or its supplementary unit), up to 3 decimals',
  examples: ['2.500'],
});
const State = Type.Unsafe<SamplePermissionState>({ type: 'string', enum: [...SAMPLE_PERMISSION_STATES] });
const Conclusion = Type.Unsafe<LabConclusion>({ type: 'string', enum: [...LAB_CONCLUSIONS], description: 'What the laboratory or expert concluded' });

export const SampleNumberParams = Type.Object({ number: Type.String({ pattern: '^SP-\\d{4}-\\d{6}$', description: 'Permission number' }) }, Strict);

export const SampleRequestBody = Type.Object(
  {
    purpose: Line(1000, 'Why the samples are taken (laboratory tests, certification …)'),
    lines: Type.Array(Type.Object({ commodityCode: Code, description: Line(500, 'What is sampled'), quantity: Quantity }, Strict), {
      minItems: 1,
      maxItems: 50,
    }),
  },
  Strict,
);

export const SampleDecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('grant'), Type.Literal('refuse')]),
    reason: Type.Optional(Line(1000, 'Required for a refusal')),
  },
  Strict,
);

export const SampleQueueQuery = Type.Object({ state: Type.Optional(State), officeCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) }, Strict);

export const SamplePermissionSchema = Type.Object({
  number: Type.String(),
  declarationId: Type.String(),
  declarantCode: Type.String(),
  officeCode: Type.String(),
  lines: Type.Array(Type.Object({ commodityCode: Type.String(), description: Type.String(), quantity: Type.String(), unit: Type.String() })),
  purpose: Type.String(),
  state: State,
  requestedBy: Type.String(),
  requestedAt: IsoDateTime(),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(IsoDateTime()),
  decisionReason: Nullable(Type.String()),
});

export const LabResultBody = Type.Object(
  {
    controlEventId: Uuid('The expertise order (control event `expertise_ordered`) of the declaration'),
    laboratory: Line(300, 'The customs laboratory or expert organisation'),
    reportNumber: Line(100, 'Number of its report (conclusion)'),
    reportedOn: IsoDate('Date of the report'),
    items: Type.Array(Type.Integer({ minimum: 1, maximum: 999 }), { minItems: 1, maxItems: 999, description: 'Item numbers whose samples were tested' }),
    conclusion: Conclusion,
    findings: Line(4000, 'What the tests found'),
  },
  Strict,
);

export const LabResultSchema = Type.Object({
  id: Type.String(),
  declarationId: Type.String(),
  controlEventId: Type.String(),
  laboratory: Type.String(),
  reportNumber: Type.String(),
  reportedOn: Type.String(),
  items: Type.Array(Type.Integer()),
  conclusion: Conclusion,
  findings: Type.String(),
  recordedBy: Type.String(),
  recordedAt: IsoDateTime(),
});
