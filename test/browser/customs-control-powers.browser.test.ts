/**
 * The officers' powers of customs control in a real headless Chromium against the real server
 * (art.399 p.4; docs/customs-control-powers.md): the head of the customs authority narrows an officer
 * to the documentary check on the page, citing the order; the list shows it in each language; the
 * officer sees the forms left on the declaration page. The declaration is made through the API.
 *
 *   BEKOGAZ_TEST_TARGETS=pglite node --import tsx test/run.ts --only browser customs-control-powers
 *
 * BEKOGAZ_SCREENSHOTS=/tmp/dir saves a PNG at each milestone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createAccount } from '../../src/platform/auth.ts';
import { importDeclaration, testAuthority } from '../customs-fixtures.ts';
import { testTargets } from '../db.ts';
import { apiAs, assertWebBuilt, type BrowserServer, launchChromium, logInAs, openPage, startBrowserServer } from './harness.ts';
import { PASSWORD } from './seed.ts';

const SHOTS = process.env.BEKOGAZ_SCREENSHOTS;
/** The demo broker of migration 0016 (roles customs_broker and declarant), filing for itself. */
const BROKER = '010000101';
const ALL_FORMS = ['documentary_check', 'physical_examination', 'expert_examination', 'release_suspension'];
const ORDER = 'Фармони № 12 аз 01.03.2026';

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;
type Powers = { accountId: string; login: string; forms: string[]; isRoleDefault: boolean; basis: string | null; setBy: string | null };

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

for (const target of testTargets()) {
  describe(`customs officers' powers of control in Chromium [${target}]`, () => {
    let server: BrowserServer;
    let browser: Browser;
    let head: Call;
    const suffix = process.pid;
    const headLogin = `customs-head-${suffix}`;
    const narrowed = { login: `inspector-docs-${suffix}`, name: 'Раҳимов Комрон' };
    const untouched = { login: `inspector-all-${suffix}`, name: 'Саидова Мадина' };

    before(async () => {
      assertWebBuilt();
      server = await startBrowserServer(target);
      browser = await launchChromium();
      const now = new Date();
      const db = server.db.db;
      await createAccount(db, { role: 'customs_head', login: headLogin, secret: PASSWORD, displayName: 'Сардори гумрук' }, now);
      await createAccount(db, { role: 'customs_officer', login: narrowed.login, secret: PASSWORD, displayName: narrowed.name }, now);
      await createAccount(db, { role: 'customs_officer', login: untouched.login, secret: PASSWORD, displayName: untouched.name }, now);
      await createAccount(db, { role: 'declarant', login: BROKER, secret: PASSWORD, displayName: 'ҶДММ «Брокери намунавӣ»', tin: BROKER }, now);
      head = await apiAs(server.url, headLogin, PASSWORD);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const newPage = () => openPage(browser, { consoleErrors: true });
    const login = (page: Page, name: string) => logInAs(page, server.url, name, PASSWORD);
    const formsIn = (page: Page, login: string) =>
      page
        .locator(`[data-testid=powers-row][data-login="${login}"] [data-testid=power-form]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-form')));

    test('CUS-CTL-04: the head narrows an officer to the documentary check on the page, citing the order; the list shows it, and the labels follow the language', {
      timeout: 180_000,
    }, async () => {
      const { context, page, errors } = await newPage();
      await login(page, headLogin);
      // The head's menu leads to the page, which is also the head's home.
      await page.getByRole('link', { name: 'Ваколатҳои назорат' }).first().click();
      await page.waitForURL(/\/customs\/control-powers$/);
      await page.getByRole('heading', { name: 'Ваколатҳои назорати гумрукӣ' }).waitFor();

      // Until the head sets them, both officers hold every form of the role, marked as the role's default.
      const row = page.locator(`[data-testid=powers-row][data-login="${narrowed.login}"]`);
      await row.getByText(narrowed.name).waitFor();
      assert.deepEqual(await formsIn(page, narrowed.login), ALL_FORMS);
      await row.getByTestId('role-default').getByText('Аз рӯи нақш').waitFor();
      await shot(page, 'ctl04-1-list-tg');

      await row.getByTestId('edit-powers').click();
      const dialog = page.getByTestId('powers-form');
      await dialog.waitFor();
      for (const form of ['physical_examination', 'expert_examination', 'release_suspension']) await dialog.locator(`input[value=${form}]`).uncheck();
      // The basis is required: without it there is nothing to save.
      const save = dialog.locator('button[type=submit]');
      assert.equal(await save.isDisabled(), true, 'no basis, no save');
      await dialog.locator('textarea[name=basis]').fill(ORDER);
      await shot(page, 'ctl04-2-editor-tg');
      await save.click();
      await page.getByTestId('powers-saved').getByText(`Ваколатҳои ${narrowed.name} сабт шуданд`).waitFor();
      await dialog.waitFor({ state: 'detached' });

      // The list shows the one form left, the order it rests on, who set it; no longer the role's default.
      // The list reloads after the save: wait for the forms taken away to leave the row.
      await row.locator('[data-testid=power-form][data-form=physical_examination]').waitFor({ state: 'detached' });
      await row.locator('[data-testid=power-form][data-form=documentary_check]').getByText('Санҷиши ҳуҷҷатҳо').waitFor();
      assert.deepEqual(await formsIn(page, narrowed.login), ['documentary_check']);
      assert.equal(await row.getByTestId('role-default').count(), 0);
      await row.getByTestId('powers-basis').getByText(ORDER).waitFor();
      await row.getByTestId('powers-set-by').getByText(headLogin, { exact: true }).waitFor();
      const other = page.locator(`[data-testid=powers-row][data-login="${untouched.login}"]`);
      assert.deepEqual(await formsIn(page, untouched.login), ALL_FORMS);
      await other.getByTestId('role-default').waitFor();
      await shot(page, 'ctl04-3-saved-tg');

      // The server holds what the page shows.
      const list = await head<Powers[]>('GET', '/api/customs/control-powers');
      const saved = list.find((o) => o.login === narrowed.login);
      assert.deepEqual([saved?.forms, saved?.isRoleDefault, saved?.basis], [['documentary_check'], false, ORDER]);

      // Russian and English labels.
      await page.getByTestId('language-switch').getByText('Рус', { exact: true }).click();
      await page.getByRole('heading', { name: 'Полномочия по таможенному контролю' }).waitFor();
      await row.getByText('Документальная проверка').waitFor();
      await other.getByText('По роли').waitFor();
      await other.getByText('Таможенный осмотр и досмотр').waitFor();
      await page.getByRole('link', { name: 'Полномочия по контролю' }).waitFor();
      await row.getByTestId('edit-powers').click();
      await dialog.getByText('Формы контроля, которые может применять сотрудник').waitFor();
      await dialog.getByText('Основание: приказ или должностная инструкция').waitFor();
      await dialog.getByRole('button', { name: 'Отмена' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('language-switch').getByText('Eng', { exact: true }).click();
      await page.getByRole('heading', { name: 'Powers of customs control' }).waitFor();
      await row.getByText('Documentary check').waitFor();
      await other.getByText('Role default').waitFor();
      await page.getByRole('columnheader', { name: 'Forms of control' }).waitFor();
      await shot(page, 'ctl04-4-list-en');

      assert.deepEqual(errors, []);
      await context.close();
    });

    test('CUS-CTL-04: on a declaration the officer sees the forms of control within the officer’s own powers', { timeout: 180_000 }, async () => {
      // A registered declaration, filed by the broker through the API.
      const declarant = await apiAs(server.url, BROKER, PASSWORD);
      const officer = await apiAs(server.url, untouched.login, PASSWORD);
      const ca = await testAuthority('Browser powers CA');
      await officer('POST', '/api/customs/trusted-issuers', { name: 'Browser powers CA', certificatePem: ca.certificatePem });
      const signer = await ca.signer(BROKER);
      const upload = async (label: string) =>
        (
          await declarant<{ sha256: string }>('POST', '/api/customs/documents', {
            fileName: `${label}.pdf`,
            mediaType: 'application/pdf',
            contentBase64: Buffer.from(`%PDF-1.4 ${label}`).toString('base64'),
          })
        ).sha256;
      const docs = { invoice: await upload('invoice'), contract: await upload('contract'), cmr: await upload('cmr') };
      const { id } = await declarant<{ id: string }>('POST', '/api/customs/declarations', { form: 'standard', data: importDeclaration(docs) });
      const { payload } = await declarant<{ payload: string }>('GET', `/api/customs/declarations/${id}/signing-payload`);
      await declarant('POST', `/api/customs/declarations/${id}/filing`, { signature: await signer.sign(payload), certificatePem: signer.certificatePem });

      const ownForms = (page: Page) =>
        page.locator('[data-testid=own-powers] [data-testid=power-form]').evaluateAll((els) => els.map((e) => e.getAttribute('data-form')));
      const { context, page, errors } = await newPage();
      await login(page, narrowed.login);
      await page.goto(`${server.url}/customs/declarations/${id}`);
      await page.getByTestId('officer-actions').waitFor();
      await page.getByTestId('own-powers').getByText('Ваколатҳои назорати шумо:').waitFor();
      await page.getByTestId('own-powers').getByText('Санҷиши ҳуҷҷатҳо').waitFor();
      assert.deepEqual(await ownForms(page), ['documentary_check']);
      await shot(page, 'ctl04-5-officer-tg');
      // An act outside the officer's powers is refused on the page, naming the forms it would need.
      await page.getByTestId('action-control').click();
      const form = page.getByTestId('control-form');
      await form.locator('select[name=control-kind]').selectOption('inspection_decided');
      await form.locator('button[type=submit]').click();
      await form.getByTestId('problem').getByText('CONTROL_POWER_MISSING', { exact: false }).waitFor();
      assert.equal(await form.getByTestId('required-forms').textContent(), 'Барои ин амал яке аз ин шаклҳо лозим аст: Муоина ва азназаргузаронии гумрукӣ');
      await context.close();

      const desk = await newPage();
      await login(desk.page, untouched.login);
      await desk.page.goto(`${server.url}/customs/declarations/${id}`);
      await desk.page.getByTestId('own-powers').waitFor();
      await desk.page.getByTestId('own-powers').getByText('Экспертизаи гумрукӣ').waitFor();
      assert.deepEqual(await ownForms(desk.page), ALL_FORMS);
      await desk.context.close();

      assert.deepEqual([...errors, ...desk.errors], []);
    });
  });
}
