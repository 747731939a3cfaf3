/**
 * The web UI in a real headless Chromium against the real server: a TSC specialist registers a
 * virtual cash register through the Annex 1 wizard, then the business finds the registration card
 * (Annex 2) in its personal cabinet. Needs `npm run build:web` first.
 *
 *   npm run build:web && BEKOGAZ_TEST_TARGETS=pglite node --import tsx --test test/browser/registration.browser.test.ts
 *
 * BEKOGAZ_SCREENSHOTS=/tmp/dir saves a PNG at each milestone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { testTargets } from '../db.ts';
import { assertWebBuilt, type BrowserServer, launchChromium, startBrowserServer } from './harness.ts';
import { type Seeded, seedRegistrationStory } from './seed.ts';

const SHOTS = process.env.BEKOGAZ_SCREENSHOTS;
const PDF = Buffer.from('%PDF-1.4\n% a scanned document\n');

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Fails the test on any script error in the page. */
function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (e) => errors.push(e.message));
}

async function logIn(page: Page, base: string, who: 'business' | 'staff', login: string, secret: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.waitForSelector('#login-title');
  if (who === 'staff') await page.getByText('Корманд', { exact: true }).click();
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=secret]').fill(secret);
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('user-block').waitFor();
}

for (const target of testTargets()) {
  describe(`web UI in Chromium [${target}]`, () => {
    let server: BrowserServer;
    let browser: Browser;
    let seeded: Seeded;

    before(async () => {
      assertWebBuilt();
      server = await startBrowserServer(target);
      seeded = await seedRegistrationStory(server);
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const newPage = async (): Promise<{ context: BrowserContext; page: Page; errors: string[] }> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'tg-TJ', timezoneId: 'Asia/Dushanbe' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      watchErrors(page, errors);
      return { context, page, errors };
    };

    test('FIS-REG-07, FIS-REG-08, FIS-REG-10: a TSC specialist registers a virtual register in the wizard, and the business sees the card with its registry number and model', {
      timeout: 180_000,
    }, async () => {
      const { context, page, errors } = await newPage();
      const base = server.url;

      // The specialist logs in with login and password and lands on the wizard.
      await logIn(page, base, 'staff', seeded.specialist.login, seeded.specialist.password);
      await page.waitForURL(`${base}/tsc/register`);
      await page.getByTestId('wizard-step-business').waitFor();

      // Step 1: the TIN; the rest comes from the taxpayer registry (p.21).
      await page.locator('input[name=businessTin]').fill(seeded.business.tin);
      await page.getByRole('button', { name: 'Ёфтан' }).click();
      await page.getByTestId('business-card').getByText(seeded.business.name).waitFor();
      await shot(page, '10-wizard-business');
      await page.getByTestId('wizard-next').click();

      // Step 2: the model from the state registry, numbers, the TSC's fiscal module, place of activity.
      await page.getByTestId('wizard-step-register').waitFor();
      const modelInput = page.locator('input[data-testid=model-select]');
      await modelInput.click();
      await modelInput.fill(seeded.model.name);
      await page.getByRole('option', { name: new RegExp(seeded.model.name) }).click();
      assert.equal(await page.locator('input[name=softwareVersion]').inputValue(), seeded.model.version, 'the software version comes from the model');
      await page.locator('input[name=manufacturerNumber]').fill('VCR-2026-000117');
      // The TSC's registered modules are offered in a list; without that route, the number is typed.
      const moduleNumber = seeded.modules[0] ?? assert.fail('no fiscal module seeded');
      const moduleSelect = page.locator('input[data-testid=module-select]');
      if (await moduleSelect.count()) {
        await moduleSelect.click();
        await page.getByRole('option', { name: moduleNumber }).click();
      } else {
        await page.locator('input[name=fiscalModuleNumber]').fill(moduleNumber);
      }
      await page.locator('textarea[name=placeOfActivity]').fill('ш. Душанбе, к. Айнӣ 5, дӯкони 3');
      await shot(page, '11-wizard-register');
      await page.getByTestId('wizard-next').click();

      // Step 3: the attachments of p.20 as files.
      await page.getByTestId('wizard-step-documents').waitFor();
      for (const [kind, fileName] of [
        ['place_of_activity_document', 'шартномаи-иҷора.pdf'],
        ['service_contract', 'шартнома-бо-МХТ.pdf'],
        ['address_and_place_of_activity', 'суроға.pdf'],
      ] as const) {
        await page.locator(`input[type=file][name=${kind}]`).setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: PDF });
      }
      await shot(page, '12-wizard-documents');
      await page.getByTestId('wizard-next').click();

      // Step 4: signatory and phone are pre-filled from the registry; the technical check of p.92.
      await page.getByTestId('wizard-step-signing').waitFor();
      assert.equal(await page.locator('input[name=signatory]').inputValue(), seeded.business.name);
      assert.equal(await page.locator('input[name=phone]').inputValue(), seeded.business.phone);
      await page.locator('input[name=isInWorkingOrder]').check();
      await page.locator('input[name=isCorrectProgramInstalled]').check();
      await shot(page, '13-wizard-signing');
      await page.getByTestId('wizard-next').click();

      // Step 5: review and submit; the outcome is completed with a registry number.
      await page.getByTestId('wizard-step-review').waitFor();
      await shot(page, '14-wizard-review');
      await page.getByTestId('wizard-submit').click();
      await page.locator('[data-testid=application-status][data-status=completed]').waitFor();
      const registryNumber = (await page.getByTestId('registry-number').textContent())?.trim() ?? '';
      assert.match(registryNumber, new RegExp(`^${seeded.inspectorateCode}-\\d{4}-\\d{6}$`));
      await shot(page, '15-wizard-completed');

      await page.getByRole('button', { name: 'Баромадан' }).click();
      await page.waitForURL(`${base}/login`);

      // The business logs in with TIN and PIN and opens the card of Annex 2 (p.23).
      await logIn(page, base, 'business', seeded.business.tin, seeded.business.pin);
      await page.waitForURL(`${base}/my/registers`);
      await page.getByTestId('registers-table').getByRole('link', { name: registryNumber }).click();
      const card = page.getByTestId('registration-card');
      await card.waitFor();
      assert.equal((await page.getByTestId('card-registry-number').textContent())?.trim(), registryNumber);
      await card.getByText(`${seeded.model.name} ${seeded.model.version}`).first().waitFor();
      const history = page.getByTestId('card-history');
      assert.match((await history.textContent()) ?? '', /ба қайд гирифта шуд/);
      assert.ok(Number(await page.getByTestId('inbox-count').textContent()) >= 1, 'the card notice waits in the inbox');
      await shot(page, '16-business-card');

      assert.deepEqual(errors, []);
      await context.close();
    });

    test('FIS-IMP-38: the language switch turns the interface from Tajik to Russian to English, and server errors follow', { timeout: 60_000 }, async () => {
      const { context, page, errors } = await newPage();
      await page.goto(`${server.url}/login`);
      const title = page.locator('#login-title');
      await title.waitFor();
      assert.equal(await title.textContent(), 'Ворид шудан ба утоқи шахсӣ');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'tg');

      await page.getByTestId('language-switch').getByText('Рус', { exact: true }).click();
      await page.getByText('Вход в личный кабинет').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
      await page.locator('input[name=login]').fill('999999999');
      await page.locator('input[name=secret]').fill('wrong-pin');
      await page.locator('form button[type=submit]').click();
      await page.getByTestId('problem').getByText('Неверный логин или пароль').waitFor();
      await shot(page, '20-login-ru-error');

      await page.getByTestId('language-switch').getByText('Eng', { exact: true }).click();
      await page.getByText('Log in to the personal cabinet').waitFor();
      assert.equal(await page.getByRole('link', { name: 'Register models' }).first().isVisible(), true);

      // The choice is remembered across a reload.
      await page.reload();
      await page.getByText('Log in to the personal cabinet').waitFor();
      assert.equal(await page.evaluate(() => window.localStorage.getItem('bekogaz.lang')), 'en');
      await shot(page, '21-login-en');

      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
