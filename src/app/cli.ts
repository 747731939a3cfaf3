import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { verifyAuditChain } from '../platform/audit.ts';
import { loadConfig } from '../platform/config.ts';
import { migrate } from '../platform/migrate.ts';
import { createContainer, openConfiguredDatabase } from './container.ts';
import { buildServer } from './server.ts';
import { archiveOldDocuments, registryCommands } from '../contexts/fiscal/index.ts';
import { posCommands } from '../contexts/cashdesk/index.ts';
import { restoreDatabase } from '../platform/db.ts';
import { seedDemo } from './demo-seed.ts';
import { startDemoFinance } from '../simulators/finance/demo.ts';
import { writeOpenApi } from './openapi.ts';

const program = new Command('bekogaz').description('Bekogaz (бекоғаз): paperless fiscal, customs and tax services of Tajikistan');

async function serve(options: { demo: boolean }) {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const c = await createContainer({ database });
  if (options.demo) {
    const seeded = await seedDemo(c);
    if (seeded) console.log('Demo data loaded.');
  }
  const app = await buildServer(c, { logger: process.env.BEKOGAZ_LOG === '1' });
  await app.listen({ host: config.host, port: config.port });
  c.worker.start(config.workerIntervalMs, config.workerLoops);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Bekogaz is running on ${where}.`);
  console.log(`  Web UI:   http://${config.host}:${port}/`);
  console.log(`  API docs: http://${config.host}:${port}/docs`);
  if (options.demo) {
    console.log('  Demo logins (login / password): admin / admin-demo-1, officer / officer-demo-1,');
    console.log('    tsc specialist: specialist / specialist-demo-1, business (TIN / PIN): 010000001 / 123456,');
    console.log('    taxpayer services department: tsd / tsd-demo-1, citizen: citizen / citizen-demo-1,');
    console.log('    customs: customs / customs-demo-1, head of customs: head / head-demo-1, declarant: declarant / declarant-demo-1,');
    console.log('    risk analysts: analyst / analyst-demo-1 and analyst2 / analyst2-demo-1, warehouse owner: warehouse / warehouse-demo-1');
  }
  // The finance authority's simulator pushes payment confirmations to this server (docs/customs-payments.md).
  const finance = options.demo ? await startDemoFinance(`http://127.0.0.1:${port}`, c.customs.connectFinance) : undefined;
  const shutdown = async () => {
    await finance?.close();
    await app.close();
    await c.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

program
  .command('serve')
  .description('Start the HTTP server and the worker (DATABASE_URL, or the embedded database in BEKOGAZ_DATA_DIR)')
  .action(() => serve({ demo: false }));

program
  .command('demo')
  .description('Migrate, load demo data if the database is empty, and serve')
  .action(() => serve({ demo: true }));

program
  .command('migrate')
  .description('Apply the SQL migrations that are not yet applied')
  .action(async () => {
    const database = await openConfiguredDatabase(loadConfig());
    const report = await migrate(database);
    console.log(report.applied.length ? `Applied: ${report.applied.join(', ')}` : 'Nothing to apply.');
    await database.close();
  });

program
  .command('seed')
  .description('Load demo data (inspectorates, businesses, models, a TSC, accounts) into an empty database')
  .action(async () => {
    const c = await createContainer({ database: await openConfiguredDatabase(loadConfig()) });
    console.log((await seedDemo(c)) ? 'Demo data loaded.' : 'Demo data already present.');
    await c.close();
  });

program
  .command('audit-verify')
  .description('Verify the hash chain of the audit log and name the first broken link')
  .action(async () => {
    const database = await openConfiguredDatabase(loadConfig());
    const result = await verifyAuditChain(database.db);
    await database.close();
    if (result.isIntact) {
      console.log(`Audit chain intact: ${result.entries} entries, tip ${result.tip}`);
    } else {
      console.error(`Audit chain BROKEN at entry ${result.brokenAt} (${result.reason}); ${result.entries} entries before it are intact.`);
      process.exitCode = 2;
    }
  });

program
  .command('backup <file>')
  .description('Write a consistent backup of the whole database to a file (PGlite: gzipped data directory; server: pg_dump custom format)')
  .action(async (file: string) => {
    const database = await openConfiguredDatabase(loadConfig());
    await database.backup(file);
    await database.close();
    console.log(`Backup written to ${file}`);
  });

program
  .command('restore <file>')
  .description('Restore a backup into an empty target: a new BEKOGAZ_DATA_DIR, or the empty database of DATABASE_URL')
  .action(async (file: string) => {
    const config = loadConfig();
    await restoreDatabase(file, config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir });
    console.log('Restored.');
  });

program
  .command('archive-fiscal')
  .description('Archive the fiscal documents of whole months received more than N years ago (default 5, p.53) to gzipped JSON Lines, then drop them')
  .requiredOption('-o, --out <dir>', 'archive directory')
  .option('-y, --years <n>', 'keep this many years', '5')
  .action(async (options: { out: string; years: string }) => {
    const c = await createContainer({ database: await openConfiguredDatabase(loadConfig()) });
    const done = await archiveOldDocuments(c.fiscal.deps, options.out, Number(options.years));
    await c.close();
    console.log(done.length ? done.map((d) => `${d.month}: ${d.documents} documents → ${d.file}`).join('\n') : 'Nothing older to archive.');
  });

program
  .command('openapi')
  .description('Write the OpenAPI document to openapi.json')
  .option('-o, --out <file>', 'output file', 'openapi.json')
  .action(async (options: { out: string }) => {
    writeFileSync(options.out, await writeOpenApi());
    console.log(`Wrote ${options.out}`);
  });

posCommands(program);

registryCommands(program, async () => {
  const c = await createContainer({ database: await openConfiguredDatabase(loadConfig()) });
  return { deps: c.fiscal.deps, close: c.close };
});

await program.parseAsync(process.argv);
