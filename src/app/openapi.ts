import { openDatabase } from '../platform/db.ts';
import { createContainer } from './container.ts';
import { buildServer } from './server.ts';

/** The OpenAPI document as committed in openapi.json (generated from the route schemas). */
export async function writeOpenApi(): Promise<string> {
  const database = await openDatabase({ kind: 'pglite' });
  const c = await createContainer({ database });
  const app = await buildServer(c);
  await app.ready();
  const document = app.swagger();
  await app.close();
  await c.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}
