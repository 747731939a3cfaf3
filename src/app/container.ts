import type { Calendar } from '../platform/calendar/index.ts';
import { loadCalendar } from '../platform/calendar/index.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { type Database, openDatabase } from '../platform/db.ts';
import { migrate } from '../platform/migrate.ts';
import { createWorker } from '../platform/outbox.ts';
import { mergeProblems } from '../platform/problems.ts';
import { createFiscalContext } from '../contexts/fiscal/index.ts';
import { type CashdeskOptions, createCashdeskContext } from '../contexts/cashdesk/index.ts';
import { createTaxServicesContext, verifyEdsSignature } from '../contexts/tax-services/index.ts';
import {
  applyRiskLane,
  CONTROL_RESULT_TOPIC,
  createCustomsContext,
  DECLARATION_REGISTERED,
  declarationRiskFacts,
  PRELIMINARY_REGISTERED,
  preliminaryRiskFacts,
} from '../contexts/customs/index.ts';
import { createRiskContext } from '../contexts/risk/index.ts';

/** The composition root: one database, one clock, one calendar, every context. */
export type Container = Awaited<ReturnType<typeof createContainer>>;

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? openDatabase({ kind: 'postgres', url: config.databaseUrl }) : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

export async function createContainer(options: {
  readonly database: Database;
  readonly clock?: Clock;
  readonly migrate?: boolean;
  /** The cash desk's settings; by default from the environment (BEKOGAZ_DATA_DIR, BEKOGAZ_OPERATOR_URL, BEKOGAZ_PUBLIC_URL). */
  readonly cashdesk?: Partial<CashdeskOptions>;
}) {
  const { database } = options;
  const clock = options.clock ?? systemClock;
  if (options.migrate !== false) await migrate(database);
  let calendar: Calendar = await loadCalendar(database.db);
  const calendarNow = () => calendar;
  const fiscal = createFiscalContext(
    { database, clock, calendar: calendarNow },
    {
      checksPerSecond: Number(process.env.BEKOGAZ_CHECKS_PER_SECOND ?? 20),
      intake: {
        maxBatch: Number(process.env.BEKOGAZ_INTAKE_BATCH ?? 1000),
        maxWaitMs: Number(process.env.BEKOGAZ_INTAKE_WAIT_MS ?? 3),
        shards: Number(process.env.BEKOGAZ_INTAKE_SHARDS ?? 2),
      },
    },
  );
  await fiscal.start();
  const config = loadConfig();
  const cashdesk = createCashdeskContext(
    { database, clock, registerFacts: fiscal.registerFactsForCashdesk },
    {
      dataDir: config.dataDir,
      operatorUrl: config.operatorUrl,
      publicUrl: config.publicUrl,
      linkTimeoutMs: Number(process.env.BEKOGAZ_OPERATOR_TIMEOUT_MS ?? 5000),
      ...options.cashdesk,
    },
  );
  const taxServices = createTaxServicesContext({ database, clock, calendar: calendarNow });
  await taxServices.start();
  const customs = createCustomsContext({
    database,
    clock,
    calendar: calendarNow,
    // Declarations signed with the national EDS (TS-50) are checked by the platform authority's register.
    verifyNationalSignature: async (q) => {
      const checked = await verifyEdsSignature(taxServices.deps, q);
      if (!checked.ok) return { isValid: false, fault: 'certificate_unreadable', tin: null };
      return { isValid: checked.value.isValid, fault: checked.value.fault, tin: checked.value.certificate?.tin ?? null };
    },
  });
  await customs.start();
  // Risk management answers every registered declaration with a lane, handed back to customs (art.399 p.3).
  const risk = createRiskContext({
    database,
    clock,
    customs: { declarationFacts: declarationRiskFacts, preliminaryFacts: preliminaryRiskFacts, applyLane: applyRiskLane },
    topics: { declarationRegistered: DECLARATION_REGISTERED, preliminaryRegistered: PRELIMINARY_REGISTERED, controlResult: CONTROL_RESULT_TOPIC },
  });
  await risk.start();
  const contexts = [fiscal, cashdesk, taxServices, customs, risk];
  const worker = createWorker({
    database,
    clock,
    handlers: contexts.flatMap((c) => c.handlers),
    checkers: contexts.flatMap((c) => c.checkers),
    onError: (what, error) => console.error(`[worker] ${what}:`, error),
  });
  return {
    database,
    clock,
    calendar: calendarNow,
    /** Re-reads the calendar tables after a decree was entered. */
    reloadCalendar: async () => {
      calendar = await loadCalendar(database.db);
    },
    fiscal,
    cashdesk,
    taxServices,
    customs,
    risk,
    contexts,
    worker,
    problems: mergeProblems(contexts.map((c) => c.problems)),
    close: async () => {
      await worker.stop();
      await cashdesk.close();
      await fiscal.close();
      await database.close();
    },
  };
}
