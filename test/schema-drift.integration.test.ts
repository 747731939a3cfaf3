import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as cashdesk from '../src/contexts/cashdesk/infrastructure/schema.ts';
import * as customsAudits from '../src/contexts/customs/infrastructure/audit.schema.ts';
import * as customsDeclarations from '../src/contexts/customs/infrastructure/declaration.schema.ts';
import * as customsEscorts from '../src/contexts/customs/infrastructure/escort.schema.ts';
import * as customsControlPowers from '../src/contexts/customs/infrastructure/control-powers.schema.ts';
import * as customsAfterRelease from '../src/contexts/customs/infrastructure/after-release.schema.ts';
import * as customsCurrencyControl from '../src/contexts/customs/infrastructure/currency-control.schema.ts';
import * as customsSamples from '../src/contexts/customs/infrastructure/sample.schema.ts';
import * as customsSimplified from '../src/contexts/customs/infrastructure/simplified.schema.ts';
import * as customsExits from '../src/contexts/customs/infrastructure/exit-statistics.schema.ts';
import * as customsForms from '../src/contexts/customs/infrastructure/form-definition.schema.ts';
import * as customsGuarantees from '../src/contexts/customs/infrastructure/guarantee.schema.ts';
import * as customsPayments from '../src/contexts/customs/infrastructure/payment.schema.ts';
import * as customsPeriodic from '../src/contexts/customs/infrastructure/periodic.schema.ts';
import * as customsPreliminary from '../src/contexts/customs/infrastructure/preliminary.schema.ts';
import * as customsRegimes from '../src/contexts/customs/infrastructure/regime.schema.ts';
import * as customsStorage from '../src/contexts/customs/infrastructure/storage.schema.ts';
import * as customsWarehouses from '../src/contexts/customs/infrastructure/warehouse.schema.ts';
import * as customs from '../src/contexts/customs/infrastructure/schema.ts';
import * as fiscal from '../src/contexts/fiscal/infrastructure/schema.ts';
import * as riskFacts from '../src/contexts/risk/infrastructure/facts.schema.ts';
import * as risk from '../src/contexts/risk/infrastructure/schema.ts';
import * as taxComplaints from '../src/contexts/tax-services/infrastructure/complaints.schema.ts';
import * as taxIdentity from '../src/contexts/tax-services/infrastructure/identity.schema.ts';
import * as taxLedger from '../src/contexts/tax-services/infrastructure/ledger.schema.ts';
import * as taxServices from '../src/contexts/tax-services/infrastructure/schema.ts';
import { auditLog, auditPending } from '../src/platform/audit.ts';
import { accounts } from '../src/platform/auth.ts';
import { notifications } from '../src/platform/notifications.ts';
import { outbox } from '../src/platform/outbox.ts';
import { createTestDatabase, type TestDatabase, testTargets } from './db.ts';

const tables: PgTable[] = [
  auditLog,
  auditPending,
  accounts,
  notifications,
  outbox,
  ...(
    [
      ...Object.values(fiscal),
      ...Object.values(cashdesk),
      ...Object.values(taxServices),
      ...Object.values(taxIdentity),
      ...Object.values(taxLedger),
      ...Object.values(taxComplaints),
      ...Object.values(customs),
      ...Object.values(customsDeclarations),
      ...Object.values(customsGuarantees),
      ...Object.values(customsPayments),
      ...Object.values(customsPeriodic),
      ...Object.values(customsPreliminary),
      ...Object.values(customsRegimes),
      ...Object.values(customsStorage),
      ...Object.values(customsWarehouses),
      ...Object.values(riskFacts),
      ...Object.values(risk),
      ...Object.values(customsAudits),
      ...Object.values(customsEscorts),
      ...Object.values(customsSamples),
      ...Object.values(customsCurrencyControl),
      ...Object.values(customsSimplified),
      ...Object.values(customsAfterRelease),
      ...Object.values(customsExits),
      ...Object.values(customsForms),
      ...Object.values(customsControlPowers),
    ] as unknown[]
  ).filter((v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v),
];

for (const target of testTargets()) {
  describe(`schema drift [${target}]`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await createTestDatabase(target);
    });
    after(() => db.close());

    test('every drizzle table and column exists in the migrated database with the same nullability', async () => {
      assert.ok(tables.length > 10);
      for (const table of tables) {
        const cfg = getTableConfig(table);
        const columns = await db.query<{ column_name: string; is_nullable: string }>(
          'SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
          [cfg.schema ?? 'public', cfg.name],
        );
        assert.ok(columns.length > 0, `${cfg.schema}.${cfg.name} is missing`);
        const inDb = new Map(columns.map((c) => [c.column_name, c.is_nullable === 'YES']));
        for (const col of cfg.columns) {
          assert.ok(inDb.has(col.name), `${cfg.schema}.${cfg.name}.${col.name} is missing`);
          assert.equal(inDb.get(col.name), !col.notNull, `${cfg.schema}.${cfg.name}.${col.name} nullability differs`);
        }
        assert.equal(cfg.columns.length, inDb.size, `${cfg.schema}.${cfg.name} has columns drizzle does not know`);
      }
    });
  });
}
