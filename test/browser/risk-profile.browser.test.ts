/**
 * The risk analyst's pages and the officers' lanes in a real headless Chromium against the real server
 * (docs/risk-ui.md): an analyst builds a profile with the indicator builder (commodity heading 8703 and
 * country of origin), sees the server's fault at the value it points at, saves the draft and simulates
 * it on the declarations registered before; a second analyst approves and activates it; the next
 * matching declaration goes to the red lane, which the officer's queue shows and filters, and the
 * officer lowers it with a reason. Reference prices are imported from CSV with the faulty lines named.
 * Needs the built web UI (the runner builds it).
 *
 *   BEKOGAZ_TEST_TARGETS=pglite node --import tsx test/run.ts --only browser risk-profile
 *
 * BEKOGAZ_SCREENSHOTS=/tmp/dir saves a PNG at each milestone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DeclarationData } from '../../src/contexts/customs/domain/declaration.ts';
import { createAccount } from '../../src/platform/auth.ts';
import { importDeclaration, type Signer, testAuthority } from '../customs-fixtures.ts';
import { testTargets } from '../db.ts';
import { apiAs, assertWebBuilt, type BrowserServer, launchChromium, logInAs, openPage, startBrowserServer } from './harness.ts';
import { PASSWORD } from './seed.ts';

const SHOTS = process.env.BEKOGAZ_SCREENSHOTS;
/** The demo broker of migration 0016 (roles customs_broker and declarant), filing for itself. */
const BROKER = '010000101';

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

type Api = Awaited<ReturnType<typeof apiAs>>;

/** A passenger car (heading 8703, in pieces) from `origin`, dispatched from `dispatch`. */
function carDeclaration(docs: { invoice: string; contract: string; cmr: string }, origin: string, dispatch = origin): DeclarationData {
  const base = importDeclaration(docs);
  return {
    ...base,
    consignor: { ...base.consignor, country: dispatch },
    countryOfDispatch: dispatch,
    invoiceTotal: '12000.00',
    items: [
      {
        number: 1,
        commodityCode: '8703231940',
        description: 'Мошини сабукрав / легковой автомобиль',
        originCountry: origin,
        grossMassKg: '1500.000',
        netMassKg: '1400.000',
        supplementaryQuantity: '1',
        packages: 1,
        packageKind: 'NE',
        invoiceAmount: '12000.00',
      },
    ],
  };
}

/** A declaration registered the way a declarant's software does it: draft, signing payload, signature, filing. */
async function register(as: Api, signer: Signer, data: DeclarationData): Promise<{ id: string; number: string }> {
  const draft = await as<{ id: string }>('POST', '/api/customs/declarations', { form: 'standard', data });
  const payload = await as<{ payload: string }>('GET', `/api/customs/declarations/${draft.id}/signing-payload`);
  const filed = await as<{ id: string; number: string; state: string }>('POST', `/api/customs/declarations/${draft.id}/filing`, {
    signature: await signer.sign(payload.payload),
    certificatePem: signer.certificatePem,
  });
  assert.equal(filed.state, 'REGISTERED');
  return { id: filed.id, number: filed.number };
}

for (const target of testTargets()) {
  describe(`risk profiles and lanes in Chromium [${target}]`, () => {
    let server: BrowserServer;
    let browser: Browser;
    let signer: Signer;
    let declarant: Api;
    let docs: { invoice: string; contract: string; cmr: string };
    const past: { id: string; number: string }[] = [];
    const suffix = `${process.pid}`;
    const author = { login: `risk-author-${suffix}`, password: PASSWORD };
    const approver = { login: `risk-approver-${suffix}`, password: PASSWORD };
    const officer = { login: `risk-officer-${suffix}`, password: PASSWORD };
    const code = `RP-CARS-TR-${suffix}`;

    before(async () => {
      assertWebBuilt();
      server = await startBrowserServer(target);
      browser = await launchChromium();
      const now = new Date();
      const db = server.db.db;
      await createAccount(db, { role: 'declarant', login: BROKER, secret: PASSWORD, displayName: 'ҶДММ «Брокери намунавӣ»', tin: BROKER }, now);
      await createAccount(db, { role: 'risk_analyst', login: author.login, secret: PASSWORD, displayName: 'Таҳлилгар Раҳимова' }, now);
      await createAccount(db, { role: 'risk_analyst', login: approver.login, secret: PASSWORD, displayName: 'Таҳлилгар Шарипов' }, now);
      await createAccount(db, { role: 'customs_officer', login: officer.login, secret: PASSWORD, displayName: 'Корманди гумрук' }, now);
      const ca = await testAuthority('Risk browser test CA');
      const asOfficer = await apiAs(server.url, officer.login, officer.password);
      await asOfficer('POST', '/api/customs/trusted-issuers', { name: 'Risk browser test CA', certificatePem: ca.certificatePem });
      signer = await ca.signer(BROKER);
      declarant = await apiAs(server.url, BROKER, PASSWORD);
      const upload = async (label: string) =>
        (
          await declarant<{ sha256: string }>('POST', '/api/customs/documents', {
            fileName: `${label}.pdf`,
            mediaType: 'application/pdf',
            contentBase64: Buffer.from(`%PDF-1.4 ${label}`).toString('base64'),
          })
        ).sha256;
      docs = { invoice: await upload('invoice'), contract: await upload('contract'), cmr: await upload('cmr') };
      // The past the draft is simulated on: a Turkish car, smartphones and sugar from China, a Chinese car dispatched from Türkiye.
      // No profile is active yet and the random rate is 0: the engine gives each the green lane.
      past.push(await register(declarant, signer, carDeclaration(docs, 'TR')));
      past.push(await register(declarant, signer, importDeclaration(docs)));
      past.push(await register(declarant, signer, carDeclaration(docs, 'CN', 'TR')));
      await server.c.worker.runOnce();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const newPage = () => openPage(browser, { viewport: { width: 1400, height: 950 }, consoleErrors: true });
    const login = (page: Page, name: string, secret: string) => logInAs(page, server.url, name, secret);
    const node = (page: Page, path: string) => page.locator(`[data-testid=indicator-node][data-path="${path}"]`);
    const addValue = async (page: Page, path: string, value: string) => {
      const input = node(page, path).getByTestId('values-input');
      await input.fill(value);
      await input.press('Enter');
    };

    test('CUS-RMS-21, CUS-RMS-20, CUS-RMS-16, CUS-RMS-14, CUS-CTL-02: an analyst builds a profile (heading 8703, origin TR) with the builder, sees the fault at its value, saves the draft and simulates it on past declarations; a second analyst approves and activates it; the next Turkish car goes red, the officer’s queue shows and filters the lane, and the officer lowers it with a reason', {
      timeout: 300_000,
    }, async () => {
      const { context, page, errors } = await newPage();
      await login(page, author.login, author.password);
      // The risk analyst's home is the profiles (art.429(2) p.3: nobody else sees them).
      await page.waitForURL(/\/risk\/profiles$/);
      await page.getByRole('heading', { name: 'Профилҳои таваккал' }).waitFor();
      await page.getByTestId('new-profile').click();
      await page.getByTestId('profile-form').waitFor();

      // Art.428 i.5: the area of risk in three languages, the categories, the lane, the measures, the level.
      await page.locator('input[name=code]').fill(code.toLowerCase());
      assert.equal(await page.locator('input[name=code]').inputValue(), code, 'codes are written in capitals');
      await page.locator('textarea[name="area.tg"]').fill('Арзиши пасти мошинҳои сабукрави истеҳсоли Туркия');
      await page.locator('textarea[name="area.ru"]').fill('Занижение стоимости легковых автомобилей турецкого производства');
      await page.locator('textarea[name="area.en"]').fill('Undervalued passenger cars made in Türkiye');
      await page.locator('input[type=checkbox][name=categories][value=persistent]').check();
      await page.locator('select[name=kind]').selectOption('identified');
      await page.locator('select[name=lane]').selectOption('red');
      await page.locator('input[type=checkbox][name=measures][value=physical_examination]').check();
      await page.locator('select[name=level]').selectOption('4');

      // CUS-RMS-14, 16: the builder: "all of" — the commodity code starts with 8703, and the country of origin (a second condition).
      await node(page, 'indicator.of[0]').locator('select[name=what]').waitFor();
      assert.equal(await node(page, 'indicator.of[0]').locator('select[name=op]').inputValue(), 'prefix');
      await addValue(page, 'indicator.of[0]', '8703');
      await page.locator('[data-testid=add-condition][data-path="indicator"]').click();
      await node(page, 'indicator.of[1]').locator('select[name=what]').selectOption('item.originCountry');
      assert.equal(await node(page, 'indicator.of[1]').locator('select[name=op]').inputValue(), 'in');
      // A three-letter country: the server refuses it, and its Tajik title stands at that value.
      await addValue(page, 'indicator.of[1]', 'tur');
      await page.getByTestId('save-profile').click();
      const fault = node(page, 'indicator.of[1]').getByTestId('node-problem');
      await fault.waitFor();
      assert.equal(await fault.getAttribute('data-code'), 'RISK_INDICATOR_VALUE_INVALID');
      assert.equal((await fault.textContent())?.trim(), 'Қимати 1: Қимат ба майдон мувофиқ нест');
      await page.locator('[data-testid=problem][data-code=RISK_INDICATOR_INVALID]').getByText('Индикатори хатар нодуруст аст').waitFor();
      await shot(page, 'r1-builder-fault-tg');
      await node(page, 'indicator.of[1]').getByTestId('values-input').press('Backspace');
      await addValue(page, 'indicator.of[1]', 'tr');
      // The builder re-renders after the key press: read the indicator once it holds the new value.
      await page.waitForFunction(() => (document.querySelector('[data-testid=indicator-json]') as HTMLTextAreaElement | null)?.value.includes('"TR"'));
      assert.deepEqual(JSON.parse(await page.getByTestId('indicator-json').inputValue()), {
        op: 'all',
        of: [
          { op: 'prefix', field: 'item.commodityCode', values: ['8703'] },
          { op: 'in', field: 'item.originCountry', values: ['TR'] },
        ],
      });
      assert.deepEqual(
        await page.locator('[data-testid=indicator-objects] [data-object]').evaluateAll((els) => els.map((e) => e.getAttribute('data-object'))),
        ['commodity_code', 'country_of_origin'],
      );
      await page.getByTestId('save-profile').click();

      // The draft is saved: its page, version 1, draft.
      await page.waitForURL(/\/risk\/profiles\/[0-9a-f-]{36}$/);
      const profileUrl = page.url();
      await page.locator('[data-testid=version-card][data-version="1"][data-state=draft]').waitFor();
      await page.getByTestId('profile-title').getByText(code).waitFor();
      assert.equal((await page.getByTestId('profile-level').textContent())?.trim(), '4 – баланд');
      // Four eyes (CUS-RMS-21): the author cannot approve its own version.
      assert.ok(await page.getByTestId('step-approve').isDisabled());
      await page.getByTestId('four-eyes').waitFor();

      // CUS-RMS-20 step 5: the draft on the three past declarations: one Turkish car matches; it had been given green.
      await page.getByTestId('run-simulation').click();
      await page.getByTestId('simulation-result').waitFor();
      assert.equal(await page.getByTestId('sim-evaluated').textContent(), '3');
      assert.equal(await page.getByTestId('sim-matched').textContent(), '1');
      assert.match((await page.getByTestId('sim-rate').textContent()) ?? '', /^33,3\s%$/);
      assert.equal(await page.locator('[data-testid=sim-lane][data-lane=green]').getAttribute('data-count'), '1');
      assert.equal(await page.locator('[data-testid=sim-lane][data-lane=red]').getAttribute('data-count'), '0');
      assert.equal(await page.getByTestId('sim-found').textContent(), '0');
      assert.deepEqual(await page.getByTestId('sim-sample-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-number'))), [past[0]?.number]);
      await shot(page, 'r2-simulation-tg');

      // A second analyst approves and activates it (art.429(2) p.2).
      const second = await newPage();
      await login(second.page, approver.login, approver.password);
      await second.page.goto(profileUrl);
      await second.page.locator('[data-testid=version-card][data-state=draft]').waitFor();
      assert.equal(await second.page.getByTestId('four-eyes').count(), 0);
      await second.page.getByTestId('step-approve').click();
      await second.page.locator('[data-testid=version-card][data-state=approved]').waitFor();
      await second.page.getByTestId('step-activate').click();
      await second.page.locator('[data-testid=version-card][data-state=active]').waitFor();
      await second.page.getByTestId('applied').waitFor();
      const history = second.page.locator('[data-testid=version-row][data-version="1"]');
      await history.getByTestId('version-created-by').getByText(author.login).waitFor();
      await history.getByTestId('version-approved-by').getByText(approver.login).waitFor();
      await history.getByTestId('version-activated-by').getByText(approver.login).waitFor();
      await shot(second.page, 'r3-active-tg');
      // The list shows it active, with its lane, and the state filter finds it.
      await second.page.goto(`${server.url}/risk/profiles?state=active`);
      const row = second.page.locator(`[data-testid=profile-row][data-code="${code}"]`);
      await row.waitFor();
      assert.equal(await row.getAttribute('data-state'), 'active');
      assert.equal(await row.getByTestId('lane-badge').getAttribute('data-lane'), 'red');

      // CUS-CTL-02: the next Turkish car is selected by the profile: red, under control, physical examination.
      const selected = await register(declarant, signer, carDeclaration(docs, 'TR'));
      const other = await register(declarant, signer, importDeclaration(docs));
      await server.c.worker.runOnce();

      const desk = await newPage();
      await login(desk.page, officer.login, officer.password);
      await desk.page.goto(`${server.url}/customs/queue`);
      const red = desk.page.locator(`[data-testid=declaration-row][data-number="${selected.number}"]`);
      await red.locator('[data-testid=lane-badge][data-lane=red]').waitFor();
      await red.getByText('Сурх').waitFor();
      await shot(desk.page, 'r4-queue-lanes-tg');
      // The red queue holds the selected declaration and not the green one.
      await desk.page.getByTestId('queue-lane').selectOption('red');
      await desk.page.waitForURL(/lane=red/);
      await red.waitFor();
      await desk.page.locator(`[data-testid=declaration-row][data-number="${other.number}"]`).waitFor({ state: 'detached' });
      const lanes = await desk.page
        .locator('[data-testid=declaration-row] [data-testid=lane-badge]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-lane')));
      assert.ok(lanes.length > 0 && lanes.every((l) => l === 'red'), `only red: ${lanes.join(',')}`);

      // The officer sees the lane, the measures and the profile's code, and lowers it to yellow: only with a reason.
      await red.getByRole('link').click();
      const panel = desk.page.getByTestId('lane-panel');
      await panel.locator('[data-testid=lane-badge][data-lane=red]').waitFor();
      await panel.getByTestId('lane-measures').getByText('Азназаргузаронии гумрукӣ').waitFor();
      await panel.getByTestId('lane-basis').getByText(code).waitFor();
      await desk.page.getByTestId('action-reroute').click();
      await desk.page.locator('select[name=reroute-lane]').selectOption('yellow');
      assert.ok(await desk.page.getByTestId('reroute-submit').isDisabled(), 'lowering needs a reason');
      await desk.page.locator('textarea[name=reroute-reason]').fill('Ҳуҷҷатҳои аслии нарх пешниҳод шуданд');
      await desk.page.getByTestId('reroute-submit').click();
      await panel.locator('[data-testid=lane-badge][data-lane=yellow]').waitFor();
      await panel.getByTestId('reroute-entry').getByText('Ҳуҷҷатҳои аслии нарх пешниҳод шуданд').waitFor();
      await shot(desk.page, 'r5-rerouted-tg');

      // CUS-RMS-20: the profile's statistics count its selection; the lanes' report counts the decisions.
      await page.goto(`${server.url}/risk/statistics`);
      const stats = page.locator(`[data-testid=profile-report-row][data-code="${code}"]`);
      await stats.waitFor();
      assert.equal((await stats.getByTestId('report-selections').textContent())?.trim(), '1');
      assert.equal(await stats.getAttribute('data-never-hit'), 'true');
      await page.getByRole('heading', { name: 'Аз рӯи долонҳо' }).waitFor();
      assert.equal(await page.locator('[data-testid=lane-report-row][data-lane=yellow]').getAttribute('data-decisions'), '1', 'the lane in force');

      // The same page in Russian and English.
      await page.getByTestId('language-switch').getByText('Рус', { exact: true }).click();
      await page.getByRole('heading', { name: 'Статистика рисков' }).waitFor();
      await page.getByTestId('language-switch').getByText('Eng', { exact: true }).click();
      await page.getByRole('heading', { name: 'Risk statistics' }).waitFor();
      await stats.getByText('Never hit').waitFor();
      await shot(page, 'r6-statistics-en');

      errors.push(...second.errors, ...desk.errors);
      await second.context.close();
      await desk.context.close();
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('CUS-RMS-14: reference prices come from a CSV file: a faulty file is refused whole with each bad line named, a good one is imported; the selectivity rates are set as percentages', {
      timeout: 120_000,
    }, async () => {
      const { context, page, errors } = await newPage();
      await login(page, approver.login, approver.password);
      await page.goto(`${server.url}/risk/settings`);
      await page.getByTestId('settings-form').waitFor();

      // Art.399 p.1-3: the minimum random rate and the expected rate of the red lane, typed as percentages.
      await page.locator('input[name=randomRate]').fill('2,5');
      await page.locator('input[name="expected.red"]').fill('5');
      await page.getByTestId('save-settings').click();
      await page.getByTestId('settings-saved').waitFor();
      const asAnalyst = await apiAs(server.url, approver.login, approver.password);
      const settings = await asAnalyst<{ randomRate: number; expectedRates: { red: number } }>('GET', '/api/risk/settings');
      assert.deepEqual([settings.randomRate, settings.expectedRates.red], [0.025, 0.05]);
      await page.getByTestId('settings-updated').getByText(approver.login).waitFor();

      const csv = (lines: string[]) => ({ name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
      await page.locator('input[name=price-table]').fill('cars-2026');
      await page
        .locator('input[type=file]')
        .setInputFiles(
          csv([
            'commodity_code,price,unit,valid_from,valid_to',
            '8703231940,9000,pcs,2026-01-01,',
            '87032319,9000,pcs,2026-01-01,',
            '8517130000,-5,pcs,2026-01-01,',
          ]),
        );
      await page.getByTestId('import-prices').click();
      await page.getByTestId('price-problems').waitFor();
      assert.deepEqual(
        await page.getByTestId('price-problem').evaluateAll((els) => els.map((e) => [e.getAttribute('data-line'), e.getAttribute('data-code')])),
        [
          ['3', 'RISK_PRICE_CODE_INVALID'],
          ['4', 'RISK_PRICE_AMOUNT_INVALID'],
        ],
      );
      await page.getByTestId('price-problems').getByText('Рамзи мол нодуруст аст').waitFor();
      await page.locator('[data-testid=problem]').getByText('Файли нархҳои муқоисавӣ қабул нашуд').waitFor();
      await shot(page, 'r7-prices-refused-tg');

      await page
        .locator('input[type=file]')
        .setInputFiles(csv(['commodity_code,price,unit,valid_from,valid_to', '8703231940,9000,pcs,2026-01-01,', '8517130000,150,pcs,2026-01-01,']));
      await page.getByTestId('import-prices').click();
      await page.getByTestId('price-result').getByText('Ҷадвали cars-2026: 2 нарх ворид шуд, 0 бетағйир, 0 пӯшида шуд').waitFor();
      assert.equal(await page.getByTestId('price-problems').count(), 0);

      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
