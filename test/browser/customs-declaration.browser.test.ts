/**
 * The declarant's editor of the goods declaration in a real headless Chromium against the real
 * server (docs/customs-declarations.md): a broker fills a declaration with two items, uploads the
 * invoice, contract and CMR, is refused with every reason grouped by its ground of art.132 p.4, fixes
 * it, signs in the page with its own key and certificate files and sees the number and the
 * assessment; the customs officer's queue shows it. Needs `npm run build:web` (the runner builds it).
 *
 *   BEKOGAZ_TEST_TARGETS=pglite node --import tsx test/run.ts --only browser customs-declaration
 *
 * BEKOGAZ_SCREENSHOTS=/tmp/dir saves a PNG at each milestone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createAccount } from '../../src/platform/auth.ts';
import { type Signer, testAuthority } from '../customs-fixtures.ts';
import { testTargets } from '../db.ts';
import { apiAs, assertWebBuilt, type BrowserServer, launchChromium, logInAs, openPage, startBrowserServer } from './harness.ts';
import { PASSWORD } from './seed.ts';

const SHOTS = process.env.BEKOGAZ_SCREENSHOTS;
/** The demo broker of migration 0016 (roles customs_broker and declarant), filing for itself. */
const BROKER = '010000101';

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const pdf = (label: string) => ({ name: `${label}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 ${label}`) });

for (const target of testTargets()) {
  describe(`customs declaration in Chromium [${target}]`, () => {
    let server: BrowserServer;
    let browser: Browser;
    let signer: Signer;
    const officer = { login: `customs-officer-${process.pid}`, password: PASSWORD };

    before(async () => {
      assertWebBuilt();
      server = await startBrowserServer(target);
      browser = await launchChromium();
      const now = new Date();
      await createAccount(server.db.db, { role: 'declarant', login: BROKER, secret: PASSWORD, displayName: 'ҶДММ «Брокери намунавӣ»', tin: BROKER }, now);
      await createAccount(server.db.db, { role: 'customs_officer', login: officer.login, secret: officer.password, displayName: 'Корманди гумрук' }, now);
      // CUS-DEC-08: customs trusts the test's own certificate authority, which issues the broker's certificate.
      const ca = await testAuthority('Browser test CA');
      const asOfficer = await apiAs(server.url, officer.login, officer.password);
      await asOfficer('POST', '/api/customs/trusted-issuers', { name: 'Browser test CA', certificatePem: ca.certificatePem });
      signer = await ca.signer(BROKER);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const newPage = () => openPage(browser, { consoleErrors: true });
    const login = (page: Page, name: string, secret: string) => logInAs(page, server.url, name, secret);

    const addItem = async (page: Page, search: string, code: string, fields: Record<string, string>) => {
      await page.getByTestId('add-item').click();
      const dialog = page.getByTestId('item-form');
      await dialog.locator('input[name=commodityCode]').fill(search);
      await dialog.locator(`[data-testid=code-option][data-code="${code}"]`).click();
      assert.equal(await dialog.locator('input[name=commodityCode]').inputValue(), code);
      for (const [name, value] of Object.entries(fields)) await dialog.locator(`[name=${name}]`).fill(value);
      await page.getByTestId('item-save').click();
      await dialog.waitFor({ state: 'detached' });
    };
    const addDocument = async (page: Page, type: string, number: string, date: string, issuer: string) => {
      const before = await page.getByTestId('document-row').count();
      const form = page.getByTestId('document-form');
      await form.locator('select[name=document-type]').selectOption(type);
      await form.locator('input[name=document-number]').fill(number);
      await form.locator('input[name=document-date]').fill(date);
      await form.locator('input[name=document-issuer]').fill(issuer);
      await form.locator('input[type=file][name=document-file]').setInputFiles(pdf(type.toLowerCase()));
      await page.getByTestId('add-document').click();
      await page.getByTestId('document-row').nth(before).waitFor();
    };

    test('CUS-DEC-02, CUS-DEC-08, CUS-DEC-21, CUS-DEC-39, IMP-01: a declarant fills a declaration with two items in the editor, uploads invoice, contract and CMR copies, is refused with every reason grouped by its ground, fixes them, signs with its key and certificate files and sees the number and the assessment; the officer’s queue shows it; the labels follow the language', {
      timeout: 240_000,
    }, async () => {
      const { context, page, errors } = await newPage();
      await login(page, BROKER, PASSWORD);
      await page.getByRole('link', { name: 'Эъломияи нав' }).first().click();
      await page.getByTestId('declaration-editor').waitFor();

      // General data, parties, transport and the customs value form.
      await page.locator('select[name=officeCode]').selectOption('DUSHANBE');
      assert.equal(await page.locator('input[name=declarantCode]').inputValue(), BROKER, 'the declarant is the account’s own TIN');
      await page.locator('input[name="consignor.name"]').fill('Shenzhen Trade Co');
      await page.locator('input[name="consignor.country"]').fill('cn');
      await page.locator('input[name="consignor.address"]').fill('Shenzhen, Futian 1');
      await page.locator('input[name="consignee.name"]').fill('ҶДММ «Брокери намунавӣ»');
      await page.locator('input[name="consignee.address"]').fill('Душанбе, Рӯдакӣ 1');
      await page.locator('input[name="transport.vehicles"]').fill('01 TJ 1234 AA');
      await page.locator('input[name="transport.nationality"]').fill('TJ');
      await page.locator('input[name=countryOfDispatch]').fill('CN');
      await page.locator('input[name=deliveryTerms]').fill('FCA Kashgar');
      await page.locator('input[name="valuation.transportCost"]').fill('800.00');
      await page.locator('input[name="valuation.insuranceCost"]').fill('150.00');
      await page.locator('input[name="valuation.otherCosts"]').fill('50.00');
      assert.equal(await page.locator('input[name="consignor.country"]').inputValue(), 'CN', 'country codes are written in capitals');

      // Two items, each code found by the lookup (by name, then by part of the code).
      await addItem(page, 'Смартфон', '8517130000', {
        description: 'Смартфонҳо',
        originCountry: 'CN',
        grossMassKg: '120.500',
        netMassKg: '100.000',
        supplementaryQuantity: '500',
        packages: '10',
        packageKind: 'CT',
        invoiceAmount: '10000.00',
      });
      await addItem(page, '17019990', '1701999000', {
        description: 'Шакар',
        originCountry: 'KZ',
        grossMassKg: '10100.000',
        netMassKg: '10000.000',
        packages: '200',
        packageKind: 'BG',
        invoiceAmount: '5000.00',
      });
      assert.equal(await page.getByTestId('item-row').count(), 2);
      await page.getByTestId('sum-items').click();
      assert.equal(await page.locator('input[name=invoiceTotal]').inputValue(), '15000.00');

      // CUS-DEC-21: the invoice and the contract go in as uploaded copies named by their SHA-256; the CMR is forgotten.
      await addDocument(page, 'INVOICE', 'INV-77', '2026-02-20', 'Shenzhen Trade Co');
      await addDocument(page, 'CONTRACT', 'C-2026/4', '2026-01-10', 'Shenzhen Trade Co');
      assert.match((await page.getByTestId('document-sha256').first().textContent()) ?? '', /^[0-9a-f]{16}…$/);
      await page.getByTestId('save-draft').click();
      await page.getByTestId('draft-saved').waitFor();
      await page.waitForURL(/\/customs\/declarations\/[0-9a-f-]{36}$/);
      await shot(page, '90-customs-editor-tg');

      // CUS-DEC-08: the key and the certificate are the broker's own files; the page signs what the server gives it.
      await page
        .locator('input[type=file][name=signing-key]')
        .setInputFiles({ name: 'broker.key.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(signer.privateKeyPem) });
      await page
        .locator('input[type=file][name=signing-certificate]')
        .setInputFiles({ name: 'broker.crt.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(signer.certificatePem) });
      await page.getByTestId('sign-and-file').click();

      // CUS-DEC-39: every reason at once, grouped by its ground, translated, pointing at the field.
      const refusal = page.getByTestId('refusal');
      await refusal.waitFor();
      const grounds = await refusal.getByTestId('refusal-ground').evaluateAll((els) => els.map((e) => e.getAttribute('data-ground')));
      assert.deepEqual(grounds, ['5', '6']);
      const documents = refusal.locator('[data-testid=refusal-ground][data-ground="5"] [data-testid=refusal-reason]');
      assert.deepEqual(await documents.evaluateAll((els) => els.map((e) => [e.getAttribute('data-code'), e.getAttribute('data-field')])), [
        ['document_missing', 'documents.CMR'],
      ]);
      await refusal.getByText('Ҳуҷҷати ҳатмӣ нест').waitFor();
      await refusal.getByText('Асоси 6: амалҳое, ки пеш аз супоридан лозиманд, иҷро нашудаанд').waitFor();
      await refusal.getByText('Маълумоти пешакӣ ё сабаби набудани он нишон дода нашудааст').waitFor();
      await refusal.getByRole('button', { name: 'Ҳуҷҷат CMR' }).waitFor();
      await shot(page, '91-customs-refused-tg');

      // The fixes: the CMR copy, and why there is no preliminary information (art.11-1 p.7).
      await addDocument(page, 'CMR', 'CMR-5511', '2026-02-25', 'Kashgar Logistics');
      await page.locator('select[name=preliminaryExemption]').selectOption('postal_item');
      await page.getByTestId('sign-and-file').click();

      // CUS-DEC-02, IMP-01: registered at once: the number, the assessment in somoni, the live status.
      const number = page.getByTestId('declaration-number');
      await page.locator('[data-testid=declaration-state][data-state=REGISTERED]').waitFor();
      const registered = ((await number.textContent()) ?? '').trim();
      assert.match(registered, /^DUSHANBE\/\d{6}\/\d{7}$/);
      // USD 10.9500: customs value 175,200.00, duty 11,680.01, VAT 26,163.20, payable 37,843.21 somoni (as in the e2e test).
      assert.equal((await page.getByTestId('assessment-value').textContent())?.trim(), '175\u00a0200,00 сомонӣ');
      assert.equal((await page.getByTestId('assessment-duty').textContent())?.trim(), '11\u00a0680,01 сомонӣ');
      assert.equal((await page.getByTestId('assessment-vat').textContent())?.trim(), '26\u00a0163,20 сомонӣ');
      assert.equal((await page.getByTestId('assessment-payable').textContent())?.trim(), '37\u00a0843,21 сомонӣ');
      await page.getByTestId('timeline').getByText('Версияи 1: Ба қайд гирифта шуд ва қабул гардид').waitFor();
      await page.getByTestId('time-left').waitFor();
      await shot(page, '92-customs-registered-tg');

      // The declarant's list shows it with its state.
      await page.getByRole('link', { name: 'Эъломияҳои ман' }).first().click();
      await page.locator(`[data-testid=declaration-row][data-number="${registered}"][data-state=REGISTERED]`).waitFor();

      // Russian and English labels.
      await page.getByTestId('language-switch').getByText('Рус', { exact: true }).click();
      await page.getByRole('heading', { name: 'Мои декларации' }).waitFor();
      await page.locator(`[data-testid=declaration-row][data-number="${registered}"]`).getByText('Зарегистрирована').waitFor();
      await page.locator(`[data-testid=declaration-row][data-number="${registered}"]`).getByRole('link').click();
      await page.getByText('Таможенные платежи').waitFor();
      assert.equal((await page.getByTestId('assessment-payable').textContent())?.trim(), '37\u00a0843,21 сомони');
      await page.getByTestId('language-switch').getByText('Eng', { exact: true }).click();
      await page.getByText('Customs payments').waitFor();
      await page.getByRole('heading', { name: `Declaration ${registered}` }).waitFor();
      assert.equal((await page.getByTestId('assessment-payable').textContent())?.trim(), '37,843.21 somoni');
      await shot(page, '93-customs-registered-en');

      // The officer's queue shows it, with the time left until the release deadline (art.152).
      const desk = await newPage();
      await login(desk.page, officer.login, officer.password);
      await desk.page.goto(`${server.url}/customs/queue`);
      const row = desk.page.locator(`[data-testid=declaration-row][data-number="${registered}"]`);
      await row.waitFor();
      await row.getByTestId('time-left').waitFor();
      await row.getByText('Ба қайд гирифта шуд').waitFor();
      await shot(desk.page, '94-customs-queue-tg');
      await row.getByRole('link').click();
      await desk.page.getByTestId('officer-actions').waitFor();
      await desk.page.getByTestId('declaration-number').getByText(registered).waitFor();
      errors.push(...desk.errors);
      await desk.context.close();

      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
