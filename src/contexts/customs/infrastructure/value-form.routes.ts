import { type App, ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { readDeclaration } from '../application/declaration-store.ts';
import { valueDocumentFile } from '../application/value-form-store.ts';
import { submitValueForm } from '../application/value-form-submit.ts';
import { getValueForm } from '../application/value-form-view.ts';
import type { ValueFormData } from '../domain/value-form.ts';
import { DeclarationParams } from './declaration.schemas.ts';
import { ValueDocumentParams, ValueFormBody, ValueFormViewSchema } from './value-form.schemas.ts';

const tags = ['customs', 'customs value'];
const READERS = ['declarant', 'customs_officer', 'risk_analyst'] as const;

/** The electronic customs value form of a declaration (CUS-REG-08, CUS-REG-10; docs/customs-value.md). */
export function valueFormRoutes(app: App, deps: CustomsDeps): void {
  const base = '/api/customs/declarations/:id/value-form';

  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          'The filer submits the electronic customs value form, with the declaration (its draft) or separately once filed (art.361 p.1, art.362 p.1): checked against the definition in force, a new version',
        params: DeclarationParams,
        body: ValueFormBody,
        response: { 201: ValueFormViewSchema },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'declarant');
      unwrap(await submitValueForm(deps, actor, request.params.id, request.body as ValueFormData));
      reply.code(201);
      return unwrap(await getValueForm(deps, actor, request.params.id));
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The declaration’s customs value form: the latest version (or the one its valuation gives), every version, the customs value assessed',
        params: DeclarationParams,
        response: { 200: ValueFormViewSchema },
      },
    },
    async (request) => unwrap(await getValueForm(deps, requireRole(request, ...READERS), request.params.id)),
  );

  app.get(
    `${base}/documents/:sha256`,
    {
      schema: {
        tags,
        summary: 'An electronic copy named by the value form or a value communication of the declaration (art.361 p.2)',
        params: ValueDocumentParams,
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ...READERS);
      const row = unwrap(await readDeclaration(deps.database.db, actor, request.params.id));
      const file = await valueDocumentFile(deps.database.db, row.id, request.params.sha256);
      if (!file) throw new ProblemError('DECLARATION_NOT_FOUND', 'params.sha256');
      reply.header('content-type', file.mediaType);
      reply.header('content-disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"`);
      return reply.send(file.content);
    },
  );
}
