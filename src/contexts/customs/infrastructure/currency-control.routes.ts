import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { currencyControlView, giveCurrencyControlData } from '../application/currency-control-data.ts';
import type { CurrencyControlStatus } from '../application/currency-control-filing.ts';
import { listCurrencyControlRules, recordCurrencyControlRule } from '../application/currency-control-rules.ts';
import { READER_ROLES, type CustomsDeps, WRITER_ROLES } from '../application/deps.ts';
import { CURRENCY_CONTROL_FIELDS, FIELD_NAMES } from '../domain/currency-control.ts';
import { CurrencyControlBody, CurrencyControlSchema, RuleBody, RuleSchema } from './currency-control.schemas.ts';
import { DeclarationParams } from './declaration.schemas.ts';

const tags = ['customs', 'declarations'];

/** The status as the API gives it: fields by their JSON names. */
function view(s: CurrencyControlStatus) {
  const required = CURRENCY_CONTROL_FIELDS.filter((f) => s.rules.some((r) => r.requiredFields.includes(f)));
  const values = Object.fromEntries(CURRENCY_CONTROL_FIELDS.map((f) => [FIELD_NAMES[f], s.values[f] ?? null]));
  return {
    isCurrencyControlDocument: s.rules.length > 0,
    rules: [...s.rules],
    requiredFields: required.map((f) => FIELD_NAMES[f]),
    missingFields: s.missing.map((f) => FIELD_NAMES[f as keyof typeof FIELD_NAMES]),
    values: values as never,
  };
}

/** Currency control by customs (art.124 p.12, CUS-DEC-11): the authorised body's rules and the data given with a declaration. */
export function currencyControlRoutes(app: App, deps: CustomsDeps): void {
  app.get(
    '/api/customs/currency-control-rules',
    {
      schema: {
        tags,
        summary: 'When a declaration serves as the accounting document of currency control, every version',
        response: { 200: Type.Array(RuleSchema) },
      },
    },
    async (request) => {
      requireRole(request, ...READER_ROLES);
      return listCurrencyControlRules(deps);
    },
  );
  app.post(
    '/api/customs/currency-control-rules',
    {
      schema: {
        tags,
        summary: 'Records a rule from a day on: direction, regimes, customs value in calculation indicators, the data required (art.124 p.12)',
        body: RuleBody,
        response: { 201: Type.Array(RuleSchema) },
      },
    },
    async (request, reply) => {
      const made = unwrap(await recordCurrencyControlRule(deps, requireRole(request, ...WRITER_ROLES), request.body));
      reply.code(201);
      return made;
    },
  );
  app.put(
    '/api/customs/declarations/:id/currency-control',
    {
      schema: {
        tags,
        summary: 'The declarant gives the currency-control data with its draft (contract, currency and amount, bank, deal passport)',
        params: DeclarationParams,
        body: CurrencyControlBody,
        response: { 200: CurrencyControlSchema },
      },
    },
    async (request) => view(unwrap(await giveCurrencyControlData(deps, requireRole(request, 'declarant'), request.params.id, request.body))),
  );
  app.get(
    '/api/customs/declarations/:id/currency-control',
    {
      schema: {
        tags,
        summary: 'Whether the declaration serves currency control, under which rules, the data given and what is missing',
        params: DeclarationParams,
        response: { 200: CurrencyControlSchema },
      },
    },
    async (request) => view(unwrap(await currencyControlView(deps, requireRole(request, ...READER_ROLES), request.params.id))),
  );
}
