/**
 * The public receipt check and a register's fiscal data in a real headless Chromium against the
 * real server: a registered register's fiscal module (the test double) sends a shift and receipts;
 * a buyer's phone opens the QR address and sees the verdict; the tax officer then finds the
 * receipts, a gap in the numbering and its alert on the register's fiscal data page.
 * Needs `npm run build:web` first.
 *
 *   npm run build:web && BEKOGAZ_TEST_TARGETS=pglite node --import tsx --test test/browser/receipt-check.browser.test.ts
 *
 * BEKOGAZ_SCREENSHOTS=/tmp/dir saves a PNG at each milestone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { qrText } from '../../src/contexts/fiscal/application/check-receipt.ts';
import type { Receipt } from '../../src/platform/fiscal-document.ts';
import { createAccount } from '../../src/platform/auth.ts';
import { testTargets } from '../db.ts';
import { registrationBody } from '../fiscal-factories.ts';
import { ModuleDouble } from '../fiscal-module-double.ts';
import { apiAs, assertWebBuilt, type BrowserServer, launchChromium, startBrowserServer } from './harness.ts';
import { PASSWORD, type Seeded, seedRegistrationStory } from './seed.ts';

const SHOTS = process.env.BEKOGAZ_SCREENSHOTS;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const bread = { name: 'Нон', quantity: 2000, price: 350 };
const milk = { name: 'Шир 1 л', quantity: 1000, price: 1200, vatBp: 1400 };

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function logIn(page: Page, base: string, who: 'business' | 'staff', login: string, secret: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.waitForSelector('#login-title');
  if (who === 'staff') await page.getByText('Корманд', { exact: true }).click();
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=secret]').fill(secret);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** A registered virtual register whose module has been initialised (p.81), as intake-fixture.ts sets one up, over HTTP. */
async function registerWithModule(s: BrowserServer, seeded: Seeded) {
  const specialist = await apiAs(s.url, seeded.specialist.login, seeded.specialist.password);
  const fm = seeded.modules[0] ?? assert.fail('no fiscal module seeded');
  const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
  const body = registrationBody(seeded.business, seeded.model.id, fm, { signedOn: today }) as { manufacturerNumber: string; placeOfActivity: string };
  const reg = await specialist<{ status: string; registerId: string }>('POST', '/api/fiscal/applications', body);
  assert.equal(reg.status, 'completed');
  const module = new ModuleDouble(fm, body.manufacturerNumber, { tin: seeded.business.tin, name: seeded.business.name }, body.placeOfActivity);
  const init = await specialist<{ operatorPublicKey: string }>('POST', `/api/fiscal/fiscal-modules/${fm}/initialise`, { publicKey: module.publicKeyHex });
  module.initialise(init.operatorPublicKey);
  return { module, registerId: reg.registerId };
}

/** Sends one document as a module does: no session, authenticated by its MAC. */
async function send(base: string, doc: unknown): Promise<void> {
  const r = await fetch(`${base}/api/fiscal/intake/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) });
  assert.equal(r.status, 200, await r.text());
}

/** How wide the page is laid out: a phone page must not scroll sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

for (const target of testTargets()) {
  describe(`receipt check and fiscal data in Chromium [${target}]`, () => {
    let server: BrowserServer;
    let browser: Browser;
    let seeded: Seeded;
    let module: ModuleDouble;
    let registerId: string;
    let sale: Receipt;
    const officer = { login: `officer-fd-${process.pid}`, password: PASSWORD };

    before(async () => {
      assertWebBuilt();
      server = await startBrowserServer(target);
      seeded = await seedRegistrationStory(server);
      ({ module, registerId } = await registerWithModule(server, seeded));
      await createAccount(server.db.db, { role: 'tax_officer', login: officer.login, secret: officer.password, displayName: 'Нозири андоз' }, new Date());
      // A shift and a sale of 19.00 somoni, 5.00 of it by card.
      await send(server.url, module.openShift(minutesAgo(30)));
      sale = module.receipt(minutesAgo(25), [bread, milk], { nonCash: 500 });
      await send(server.url, sale);
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const newPage = async (viewport = PHONE): Promise<{ context: BrowserContext; page: Page; errors: string[] }> => {
      const context = await browser.newContext({
        viewport,
        locale: 'tg-TJ',
        timezoneId: 'Asia/Dushanbe',
        isMobile: viewport === PHONE,
        hasTouch: viewport === PHONE,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      return { context, page, errors };
    };

    test('FIS-RCT-27, FIS-VER-01, FIS-VER-02, FIS-VER-03: a phone camera opens the QR address and the receipt checks as genuine; a changed total does not match', {
      timeout: 120_000,
    }, async () => {
      const { context, page, errors } = await newPage();
      const base = server.url;
      const qr = qrText(`${base}/r`, sale);
      assert.match(qr, /&s=19\.00&/);

      // Scanning the code opens /r?fm=…&n=…&t=…&s=…&fs=… and the check runs at once, no login.
      await page.goto(qr);
      const verdict = page.getByTestId('verdict');
      await page.locator('[data-testid=verdict][data-status=valid]').waitFor();
      assert.equal((await page.getByTestId('receipt-business').textContent())?.trim(), seeded.business.name);
      assert.match((await page.getByTestId('receipt-total').textContent()) ?? '', /19,00\s+сомонӣ/);
      assert.match((await verdict.textContent()) ?? '', new RegExp(seeded.business.tin));
      assert.match((await verdict.textContent()) ?? '', /Расид ҳаққонӣ аст/);
      await shot(page, '20-check-valid-phone');
      // The buyer may read Russian or English: the verdict follows the language switch.
      await page.getByTestId('language-switch').getByText('Рус', { exact: true }).click();
      await verdict.getByText('Чек подлинный').waitFor();
      await shot(page, '20-check-valid-phone-ru');
      await page.getByTestId('language-switch').getByText('Eng', { exact: true }).click();
      await verdict.getByText('The receipt is genuine').waitFor();
      await page.getByTestId('language-switch').getByText('Тоҷ', { exact: true }).click();
      await verdict.getByText('Расид ҳаққонӣ аст').waitFor();

      // A receipt whose printed total was changed: the verdict says which field differs and what the operator holds.
      await page.goto(qr.replace('&s=19.00&', '&s=91.00&'));
      await page.locator('[data-testid=verdict][data-status=mismatch]').waitFor();
      const fields = await page.locator('[data-testid=mismatches] [data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));
      assert.deepEqual(fields, ['total']);
      const mismatch = (await page.getByTestId('mismatches').textContent()) ?? '';
      assert.ok(mismatch.includes('91,00') && mismatch.includes('19,00'), mismatch);
      await shot(page, '21-check-mismatch-phone');
      assert.equal(await pageWidth(page), PHONE.width);

      // By hand, with a number the operator does not hold: not found, with the reasons and the five years.
      await page.goto(`${base}/r`);
      await page.locator('textarea[name=qr]').waitFor();
      await shot(page, '22-check-start-phone');
      await page.getByText('Дастӣ', { exact: true }).click();
      await page.locator('input[name=fm]').fill(sale.fiscalModuleNumber);
      await page.locator('input[name=n]').fill('999999');
      await page.locator('input[name=fs]').fill('12345');
      await page.getByRole('button', { name: 'Санҷидан' }).click();
      await page.getByText('Аломати фискалӣ 10 рақам дорад').waitFor();
      await shot(page, '22-check-form-error-phone');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'fs', 'the first field to fix has the focus');
      await page.locator('input[name=fs]').fill(sale.fiscalSign);
      await page.getByRole('button', { name: 'Санҷидан' }).click();
      await page.locator('[data-testid=verdict][data-status=not_found]').waitFor();
      assert.match((await page.getByTestId('verdict').textContent()) ?? '', /панҷ сол/);
      assert.equal(new URL(page.url()).searchParams.get('n'), '999999', 'the address now carries the typed receipt');
      await shot(page, '23-check-not-found-phone');

      // A damaged code: the page says so and shows which field to complete, without asking the server.
      await page.goto(qr.replace(`&fs=${sale.fiscalSign}`, '&fs=123'));
      await page.locator('[data-testid=verdict][data-status=bad_qr]').waitFor();
      await page.getByText('Аломати фискалӣ 10 рақам дорад').waitFor();

      // The QR text pasted, as a scanner app shows it.
      await page.goto(`${base}/r`);
      await page.locator('textarea[name=qr]').fill(qr);
      await page.getByRole('button', { name: 'Санҷидан' }).click();
      await page.locator('[data-testid=verdict][data-status=valid]').waitFor();

      assert.deepEqual(errors, []);
      await context.close();
    });

    test('FIS-IMP-19: too many checks get a polite wait with the server’s Retry-After, then the check goes through', { timeout: 60_000 }, async () => {
      const { context, page, errors } = await newPage();
      const qr = qrText(`${server.url}/r`, sale);
      // Empty this client's bucket and keep one real 429 answer, then serve it to the page: the
      // bucket refills at 20 a second, too fast to race a page load against it.
      let limited: { status: number; headers: Record<string, string>; body: string } | undefined;
      for (let i = 0; i < 200 && !limited; i += 1) {
        const r = await fetch(`${server.url}/api/public/receipts/check?qr=${encodeURIComponent(qr)}`, { headers: { 'accept-language': 'tg' } });
        if (r.status === 429) limited = { status: 429, headers: Object.fromEntries(r.headers), body: await r.text() };
        else await r.arrayBuffer();
      }
      assert.ok(limited, 'the public check is rate-limited');
      assert.ok(limited.headers['retry-after'], 'with Retry-After');
      const answer = limited;
      await page.route('**/api/public/receipts/check?*', (route) => route.fulfill(answer));
      await page.goto(qr);
      const wait = page.locator('[data-testid=verdict][data-status=rate_limited]');
      await wait.waitFor();
      assert.match((await wait.textContent()) ?? '', /Санҷишҳо аз ҳад зиёданд.*сония/s);
      const again = wait.getByRole('button', { name: 'Аз нав санҷидан' });
      assert.equal(await again.isDisabled(), true);
      await shot(page, '24-check-rate-limited-phone');
      await page.unroute('**/api/public/receipts/check?*');
      await page.waitForFunction(() => !document.querySelector('[data-status=rate_limited] button')?.hasAttribute('disabled'), null, { timeout: 10_000 });
      await again.click();
      await page.locator('[data-testid=verdict][data-status=valid]').waitFor();
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('FIS-GEN-05, FIS-IMP-07, FIS-IMP-20: the tax officer sees the receipts, a gap in the numbers with its alert, and the Z-report against the receipts', {
      timeout: 120_000,
    }, async () => {
      // The module issues a receipt that never reaches the operator, one while offline, one online, then closes the shift.
      const lost = module.receipt(minutesAgo(20), [bread]);
      const offline = module.receipt(minutesAgo(18), [bread], { isOffline: true });
      const next = module.receipt(minutesAgo(15), [milk], { nonCash: 1200 });
      await send(server.url, offline);
      await send(server.url, next);
      await send(server.url, module.zReport(minutesAgo(10)));

      const { context, page, errors } = await newPage(DESKTOP);
      const base = server.url;
      await logIn(page, base, 'staff', officer.login, officer.password);
      await page.goto(`${base}/tax/registers`);
      await page.getByTestId('registers-table').waitFor();
      await page.getByTestId('registers-table').getByRole('link', { name: 'Маълумоти фискалӣ', exact: true }).click();
      await page.waitForURL(`${base}/registers/${registerId}/fiscal`);

      // The module state and the gap, highlighted.
      await page.getByTestId('module-state').waitFor();
      assert.equal((await page.getByTestId('received-count').textContent())?.trim(), '5');
      // 1 shift opening, 2 sale, 3 lost, 4 offline, 5 next receipt, 6 Z-report.
      assert.equal((await page.getByTestId('max-number').textContent())?.trim(), String(next.number + 1));
      assert.match((await page.getByTestId('gaps').textContent()) ?? '', new RegExp(`№ ${lost.number}`));

      // The gap alert, open, in Tajik, with the missing number.
      const gapAlert = page.locator('[data-testid=alert][data-kind=GAP][data-open=true]');
      await gapAlert.waitFor();
      const gapText = (await gapAlert.textContent()) ?? '';
      assert.ok(gapText.includes('Рахна дар рақамгузории ҳуҷҷатҳо') && gapText.includes(`№ ${lost.number}`), gapText);

      // The shift's Z-report counts the lost receipt, so it does not match what the operator received.
      await page.locator('[data-testid=shifts-table] tr[data-reconciliation=mismatch]').waitFor();
      const differences = (await page.locator('[data-testid=shifts-table] tr[data-differences-of="1"]').textContent()) ?? '';
      assert.match(differences, /Шумораи расидҳо\s*43/, differences);

      // The documents of the period, amounts in somoni with two decimals.
      const rows = page.getByTestId('document-row');
      await rows.first().waitFor();
      const numbers = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-number'))));
      assert.deepEqual(numbers, [1, sale.number, offline.number, next.number, next.number + 1]);
      await page.locator(`[data-testid=document-row][data-number="${offline.number}"] [data-testid=offline-mark]`).waitFor();
      const saleRow = (await page.locator(`[data-testid=document-row][data-number="${sale.number}"]`).textContent()) ?? '';
      assert.ok(saleRow.includes('19,00') && saleRow.includes('14,00') && saleRow.includes('5,00') && saleRow.includes(sale.fiscalSign), saleRow);
      // Revenue of the month: 19.00 + 7.00 + 12.00.
      assert.match((await page.getByTestId('revenue-table').textContent()) ?? '', /38,00/);
      await shot(page, '30-fiscal-data-officer');

      // The export of the same period, as a file.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk));
      const csv = Buffer.concat(chunks).toString('utf8');
      assert.match(download.suggestedFilename(), /\.csv$/);
      assert.ok(csv.includes(sale.fiscalSign), csv.slice(0, 300));

      assert.deepEqual(errors, []);
      await context.close();

      // The same page on a phone: nothing wider than the screen except the tables, which scroll.
      const phone = await newPage();
      await logIn(phone.page, base, 'staff', officer.login, officer.password);
      await phone.page.goto(`${base}/registers/${registerId}/fiscal`);
      await phone.page.getByTestId('document-row').first().waitFor();
      await phone.page.getByTestId('revenue-table').waitFor();
      await shot(phone.page, '31-fiscal-data-officer-phone');
      assert.equal(await pageWidth(phone.page), PHONE.width);
      assert.deepEqual(phone.errors, []);
      await phone.context.close();
    });
    test('FIS-ACC-01, FIS-RFD-05: the business sees its own register’s fiscal data and revenue in its cabinet, without exports', {
      timeout: 60_000,
    }, async () => {
      const { context, page, errors } = await newPage();
      const base = server.url;
      await logIn(page, base, 'business', seeded.business.tin, seeded.business.pin);
      await page.goto(`${base}/my/registers/${registerId}`);
      await page.getByTestId('tab-fiscal').click();
      await page.waitForURL(`${base}/my/registers/${registerId}/fiscal`);
      await page.getByTestId('module-state').waitFor();
      await page.getByTestId('document-row').first().waitFor();
      await page.getByTestId('revenue-table').waitFor();
      assert.equal(await page.getByTestId('export-csv').count(), 0, 'exports are for the tax authority and the operator');
      await shot(page, '32-fiscal-data-business-phone');
      assert.equal(await pageWidth(page), PHONE.width);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
