/**
 * The web POS of the free virtual cash register in a real headless Chromium against the real
 * server (issue #4): a TSC registers a virtual register, the business sets up its VCR in the UI and
 * reads the module's public key, the TSC hands it to the operator (p.81), the cashier unlocks the
 * register with its program password, opens a shift, scans two products as a keyboard scanner does
 * (digits then Enter), pays in cash and sees the change, the 32-column print preview and the QR code;
 * the operator's intake holds the receipt and the public check finds it valid. Needs `npm run build:web`.
 *
 *   BEKOGAZ_TEST_TARGETS=pglite node --import tsx test/run.ts --only browser pos
 *
 * BEKOGAZ_SCREENSHOTS=/tmp/dir saves a PNG at each milestone.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { testTargets } from '../db.ts';
import { apiAs, assertWebBuilt, type BrowserServer, launchChromium, startBrowserServer } from './harness.ts';
import { type Seeded, seedRegistrationStory } from './seed.ts';

const SHOTS = process.env.BEKOGAZ_SCREENSHOTS;
const PDF = Buffer.from('%PDF-1.4\n% a scanned document\n').toString('base64');
const PROGRAM_PASSWORD = 'Ҳисор-2026';

/** Bread (EAN-13, VAT 14 %) and milk (EAN-13, VAT 14 %) to scan; sugar by weight; a marked product. */
const PRODUCTS_CSV = [
  'code,gtin,name_tg,name_ru,name_en,unit,price,tax_kind,tax_rate,marking',
  'NON,4600000000008,Нони тандирӣ,Хлеб,Bread,piece,3.50,vat,14,no',
  'SHIR,4601234567893,Шир 1 л,Молоко 1 л,Milk 1 l,piece,12.00,vat,14,no',
  'QAND,,Қанд,Сахар,Sugar,kg,9.00,simplified,6,no',
].join('\n');

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A keyboard-mode scanner: the digits as a burst of key events, then Enter (docs/cashdesk.md "Scanner input"). */
async function scan(page: Page, code: string): Promise<void> {
  for (const ch of code) await page.keyboard.press(ch);
  await page.keyboard.press('Enter');
}

/** Reads the QR code drawn on the page back from a screenshot. */
async function decodeQr(page: Page): Promise<string | undefined> {
  const png = PNG.sync.read(await page.getByTestId('receipt-qr').screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** What the registration story leaves, plus a virtual register registered by the TSC with the first module. */
async function seedVirtualRegister(s: BrowserServer, seeded: Seeded) {
  const specialist = await apiAs(s.url, seeded.specialist.login, seeded.specialist.password);
  const fm = seeded.modules[0] ?? assert.fail('no fiscal module seeded');
  const serialNumber = `VCR-${Date.now() % 1_000_000}`;
  const registered = await specialist<{ status: string; registerId: string; registryNumber: string }>('POST', '/api/fiscal/applications', {
    kind: 'registration',
    businessTin: seeded.business.tin,
    modelId: seeded.model.id,
    manufacturerNumber: serialNumber,
    softwareVersion: seeded.model.version,
    fiscalModuleNumber: fm,
    placeOfActivity: 'ш. Душанбе, к. Айнӣ 5, дӯкони 3',
    signatory: seeded.business.name,
    signedOn: new Date().toISOString().slice(0, 10),
    phone: seeded.business.phone,
    submittedAs: 'paper',
    technicalCheck: { isInWorkingOrder: true, isCorrectProgramInstalled: true },
    attachments: ['place_of_activity_document', 'service_contract', 'address_and_place_of_activity'].map((kind) => ({
      kind,
      fileName: `${kind}.pdf`,
      mediaType: 'application/pdf',
      contentBase64: PDF,
    })),
  });
  assert.equal(registered.status, 'completed');
  const shop = await apiAs(s.url, seeded.business.tin, seeded.business.pin);
  const imported = await shop<{ imported: number }>('POST', '/api/cashdesk/products/import', { csv: PRODUCTS_CSV });
  assert.equal(imported.imported, 3);
  return { specialist, fm, serialNumber, registerId: registered.registerId, registryNumber: registered.registryNumber };
}

for (const target of testTargets()) {
  describe(`web POS of the virtual cash register in Chromium [${target}]`, () => {
    let server: BrowserServer;
    let browser: Browser;
    let seeded: Seeded;
    let dataDir: string;

    before(async () => {
      assertWebBuilt();
      dataDir = mkdtempSync(join(tmpdir(), 'bekogaz-pos-'));
      server = await startBrowserServer(target, { cashdeskDataDir: dataDir });
      seeded = await seedRegistrationStory(server);
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    test('FIS-VCS-01, FIS-VCS-02, FIS-VCS-03, FIS-VCS-04, FIS-VCS-05, FIS-VCS-06, FIS-VTR-07, FIS-VTR-10, FIS-OCR-08, FIS-RCT-22, FIS-RCT-27, FIS-RCT-28: the cashier sets up and unlocks the VCR, scans two products as a scanner types them, pays in cash with change, sees the print preview with a QR code the operator confirms, then closes the shift with a matching Z-report', {
      timeout: 240_000,
    }, async () => {
      const vr = await seedVirtualRegister(server, seeded);
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'tg-TJ', timezoneId: 'Asia/Dushanbe' });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const base = server.url;

      // The cashier logs in with the business's TIN and PIN.
      await page.goto(`${base}/login`);
      await page.locator('input[name=login]').fill(seeded.business.tin);
      await page.locator('input[name=secret]').fill(seeded.business.pin);
      await page.locator('form button[type=submit]').click();
      await page.getByTestId('user-block').waitFor();

      // Set-up (p.81, FIS-VTR-07): a program password shorter than 6 characters is refused on the page.
      await page.getByRole('link', { name: 'Хазинаи вертуалӣ' }).first().click();
      await page.waitForURL(`${base}/my/cashdesk`);
      const setUp = page.getByTestId('setup-form');
      await setUp.getByTestId('setup-register').click();
      await page.getByRole('option', { name: new RegExp(vr.registryNumber) }).click();
      await setUp.locator('input[name=password]').fill('12345');
      await setUp.locator('input[name=passwordAgain]').fill('12345');
      await page.getByTestId('setup-submit').click();
      await setUp.getByText('Рамз бояд на камтар аз 6 аломат бошад').waitFor();
      await setUp.locator('input[name=password]').fill(PROGRAM_PASSWORD);
      await setUp.locator('input[name=passwordAgain]').fill(PROGRAM_PASSWORD);
      await page.getByTestId('setup-submit').click();
      const card = page.locator(`[data-testid=cashdesk-register][data-module-state=personalised]`);
      await card.waitFor();
      const publicKey = ((await card.getByTestId('module-public-key').textContent()) ?? '').trim();
      assert.match(publicKey, /^[0-9a-f]{128}$/, 'the module shows its public key to hand to the TSC');
      await shot(page, '40-pos-set-up');

      // The TSC specialist hands the key to the operator; the register commissions its module by itself at unlock.
      await vr.specialist('POST', `/api/fiscal/fiscal-modules/${vr.fm}/initialise`, { publicKey });

      await card.getByTestId('open-pos').click();
      await page.getByTestId('unlock-form').waitFor();
      await page.locator('input[name=programPassword]').fill('не-рамз-1');
      await page.getByTestId('unlock-submit').click();
      await page.getByTestId('problem').getByText('Рамзи барнома нодуруст аст').waitFor();
      await page.locator('input[name=programPassword]').fill(PROGRAM_PASSWORD);
      await page.getByTestId('unlock-submit').click();

      // The status bar: online, an empty queue, the module's memory (FIS-IMP-39); then the shift opens.
      await page.locator('[data-testid=link-state][data-online=true]').waitFor();
      assert.match((await page.getByTestId('queue-length').textContent()) ?? '', /Навбат: 0/);
      assert.match((await page.getByTestId('module-memory').textContent()) ?? '', /Хотираи модул: \d+ аз \d+/);
      await page.locator('input[name=openingCash]').fill('100');
      await page.getByTestId('open-shift').click();
      await page.getByTestId('shift-state').getByText('Баст № 1').waitFor();
      const input = page.getByTestId('scan-input');
      await assert.doesNotReject(() => page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'code'), 'the code field has the focus');

      // Two products scanned (digits, Enter); the bread again adds to its line (docs/cashdesk.md).
      await scan(page, '4600000000008');
      await page.locator('[data-testid=sale-line][data-code=NON]').waitFor();
      await scan(page, '4601234567893');
      await page.locator('[data-testid=sale-line][data-code=SHIR]').waitFor();
      await scan(page, '4600000000008');
      await page.locator('[data-testid=sale-line][data-code=NON][data-quantity="2000"]').waitFor();
      assert.equal(await page.getByTestId('sale-line').count(), 2);
      assert.equal(await input.inputValue(), '', 'each scan leaves the field empty for the next one');
      const sources = await page.getByTestId('sale-line').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source')));
      console.log(`# the page read the bursts as: ${sources.join(', ')}`);

      // Running total and tax: 2 × 3.50 + 12.00 = 19.00; VAT 86 + 147 dirams (p.9 fields 11, 13).
      assert.equal(await page.getByTestId('sale-total').getAttribute('data-dirams'), '1900');
      assert.equal(await page.getByTestId('sale-tax').getAttribute('data-dirams'), '233');
      assert.equal(((await page.getByTestId('sale-total').textContent()) ?? '').replace(/\s/g, ''), '19,00');

      // Cash: Enter on the empty code field goes to the cash field; 50 somoni, change 31.00; Enter pays.
      await input.press('Enter');
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'cashGiven');
      await page.keyboard.type('50');
      await page.locator('[data-testid=sale-change][data-dirams="3100"]').waitFor();
      await shot(page, '41-pos-sale');
      await page.keyboard.press('Enter');

      // The print preview: change in big figures, the operator's acknowledgement, the 32-column text, the QR code.
      const preview = page.getByTestId('receipt-preview');
      await preview.waitFor();
      assert.equal(await page.getByTestId('change-amount').getAttribute('data-dirams'), '3100');
      assert.equal(((await page.getByTestId('change-amount').textContent()) ?? '').replace(/\s/g, ''), '31,00');
      assert.equal(await page.getByTestId('delivery-status').getAttribute('data-status'), 'accepted');
      const text = (await page.getByTestId('receipt-text').textContent()) ?? '';
      const rows = text.split('\n').filter((r) => r.length > 0);
      assert.ok(rows.length > 15, text);
      assert.ok(
        rows.every((r) => [...r].length <= 32),
        'every row fits 32 columns of a 58 mm roll',
      );
      for (const needle of ['ФУРӮШ', 'Нони тандирӣ', 'Шир 1 л', '19.00', '31.00', vr.fm, vr.serialNumber, seeded.business.tin]) {
        assert.ok(text.includes(needle), `the receipt prints ${needle}:\n${text}`);
      }
      const qr = (await page.getByTestId('receipt-qr').getAttribute('data-qr')) ?? '';
      assert.match(qr, /\/r\?fm=.+&n=\d+&t=\d{8}T\d{4}&s=19\.00&fs=\d{10}$/);
      assert.equal(await decodeQr(page), qr, 'the QR code on the screen reads back as the receipt’s QR text');
      const eReceipt = (await page.getByTestId('e-receipt-link').getAttribute('href')) ?? '';
      assert.match(eReceipt, /\/r\/e\/[A-Za-z0-9_-]{22}$/);
      await shot(page, '42-pos-preview');

      // The operator's intake really holds the receipt, and the buyer's check of the QR finds it valid.
      const number = Number(await preview.getAttribute('data-number'));
      const atOperator = await server.db.query<{ doc_type: string; n: number }>(
        `SELECT doc_type, count(*)::int AS n FROM fiscal.documents WHERE fiscal_module_number = $1 AND number = $2 GROUP BY doc_type`,
        [vr.fm, number],
      );
      assert.deepEqual(
        atOperator.map((r) => ({ ...r })),
        [{ doc_type: 'receipt', n: 1 }],
      );
      const check = (await (await fetch(`${base}/api/public/receipts/check?qr=${encodeURIComponent(qr)}`)).json()) as { status: string };
      assert.equal(check.status, 'valid');
      const page2 = await fetch(eReceipt.replace(/^https?:\/\/[^/]+/, base));
      assert.equal(page2.status, 200);
      assert.match(await page2.text(), /Шир 1 л/);

      // Next buyer: Enter returns to an empty sale with the focus on the code field.
      await page.keyboard.press('Enter');
      await page.getByTestId('sale-screen').waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'code');
      assert.equal(await page.getByTestId('sale-line').count(), 0);

      // FIS-VCS-06: the X-report counts the receipt; the Z-report closes the shift and matches the register's copies.
      await page.getByTestId('x-report').click();
      assert.equal(await page.getByTestId('totals-receiptCount').textContent(), '1');
      await page.keyboard.press('Escape');
      await page.getByTestId('close-shift').click();
      await page.getByTestId('close-shift-confirm').click();
      await page.locator('[data-testid=z-matches][data-matches=true]').waitFor();
      await shot(page, '43-pos-z-report');

      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
