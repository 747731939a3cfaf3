/** Schema fragments the customs case files share (audits, escorts; docs/customs-audits.md "Shared case helpers"). */
import { Type } from 'typebox';
import { IsoDateTime, Nullable, Strict } from '../../../platform/schemas.ts';

/** `:number` of a case: the kind's prefix, the year and six digits (`AUD-2026-000001`). */
export const caseNumberParams = (prefix: string, description: string) =>
  Type.Object({ number: Type.String({ pattern: `^${prefix}-\\d{4}-\\d{6}$`, description }) }, Strict);

/** A page of a list: up to 200 from `offset` (50 from 0 when not given). */
export const listPage = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
};

/** The officers' card's history: every step, who and when, from which state to which. */
export const CaseHistory = Type.Optional(
  Type.Array(
    Type.Object({
      at: IsoDateTime(),
      actor: Type.String(),
      action: Type.String(),
      fromState: Nullable(Type.String()),
      toState: Type.String(),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
);
