/** `bekogaz pos …` against a listening server: a shift, a sale with change, a printed receipt, the Z-report. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from '../../../../test/app.ts';
import { PASSWORD, readyRegister } from '../../../../test/cashdesk-fixture.ts';
import { testTargets } from '../../../../test/db.ts';

const exec = promisify(execFile);
const root = join(import.meta.dirname, '../../../..');

for (const target of testTargets()) {
  describe(`bekogaz pos [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let url: string;
    before(async () => {
      t = await startTestApp(target, '2026-03-02T03:00:00Z');
      officer = await t.as('tax_officer');
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    after(() => t.close());

    test('FIS-VCS-03, FIS-VCS-06: the register is driven from a script: open a shift, sell with change, print the receipt, close with the Z-report', async () => {
      const v = await readyRegister(t, officer, { isUnlocked: false });
      const env = { ...process.env, BEKOGAZ_POS_TIN: v.business.tin, BEKOGAZ_POS_PIN: '123456', BEKOGAZ_POS_PASSWORD: PASSWORD, BEKOGAZ_POS_REGISTER: v.id };
      const pos = async (...args: string[]) => {
        try {
          return { code: 0, ...(await exec(process.execPath, ['bin/bekogaz.mjs', 'pos', '--url', url, ...args], { cwd: root, env, timeout: 60_000 })) };
        } catch (error) {
          const e = error as { code: number; stdout: string; stderr: string };
          return { code: e.code, stdout: e.stdout, stderr: e.stderr };
        }
      };
      const opened = await pos('open-shift', '--float', '100');
      assert.equal(opened.code, 0, opened.stderr);
      assert.equal(JSON.parse(opened.stdout).delivery.status, 'accepted');
      const sold = await pos('sell', '4600000000008*2', 'QAND*1.5', '--cash', '50');
      assert.equal(sold.code, 0, sold.stderr);
      const receipt = JSON.parse(sold.stdout);
      assert.deepEqual([receipt.document.total, receipt.change, receipt.delivery.status], [2050, 2950, 'accepted']);
      const exact = await pos('sell', 'SHIR');
      assert.equal(JSON.parse(exact.stdout).change, 0, exact.stderr);
      const printed = await pos('receipt', String(receipt.document.number), '--format', 'text');
      assert.equal(printed.code, 0, printed.stderr);
      assert.ok(printed.stdout.includes(receipt.document.fiscalSign));
      const refused = await pos('sell', 'NOSUCH', '--cash', '10');
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /422 SALE_INVALID/);
      const closed = await pos('close-shift');
      assert.equal(closed.code, 0, closed.stderr);
      assert.deepEqual([JSON.parse(closed.stdout).document.totals.receiptCount, JSON.parse(closed.stdout).matchesRegister], [2, true]);
    });
  });
}
