/**
 * The taxpayer-services pages in a real headless Chromium against the real server (order 396):
 * the Taxpayer Services Department's live compliance dashboard over requests seeded in every
 * state through the API, its languages and its links into the work queue; the published Standard;
 * and a request from the taxpayer's cabinet to its result. Needs `npm run build:web` first (the
 * test runner builds it when it is stale).
 *
 *   node --import tsx test/run.ts --only browser services-dashboard
 *
 * BEKOGAZ_SCREENSHOTS=/tmp/dir saves a PNG at each milestone.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createAccount } from '../../src/platform/auth.ts';
import { testTargets } from '../db.ts';
import { apiAs, assertWebBuilt, type BrowserServer, launchChromium, openPage, startBrowserServer } from './harness.ts';
import { PASSWORD } from './seed.ts';

const SHOTS = process.env.BEKOGAZ_SCREENSHOTS;
const HOUR = 3_600_000;
/** 24 clock hours from the application and the documents required by law (spec section 3): the clock does not depend on the calendar. */
const USR_CHANGES = '02.02.05';
/** A reconciliation act: 1 working day from the application. */
const RECONCILIATION = '06.06.04';

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
  await page.getByTestId('user-block').waitFor();
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
const cell = async (page: Page, row: string, col: string) => ((await page.locator(`[data-testid="${row}"] [data-col="${col}"]`).textContent()) ?? '').trim();
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR).toISOString();

type Created = { id: string; number: string; status: string; sla: { state: string } };

for (const target of testTargets()) {
  describe(`tax-services pages in Chromium [${target}]`, () => {
    let server: BrowserServer;
    let browser: Browser;
    const tsd = { login: `tsd-${process.pid}`, password: PASSWORD };
    const citizen = { tin: '300000017', password: PASSWORD };
    let breachedId = '';

    before(async () => {
      assertWebBuilt();
      server = await startBrowserServer(target);
      const now = new Date();
      await createAccount(server.db.db, { role: 'service_officer', login: tsd.login, secret: tsd.password, displayName: 'Раёсати хизматрасонӣ' }, now);
      await createAccount(
        server.db.db,
        { role: 'taxpayer', login: citizen.tin, secret: citizen.password, displayName: 'Раҳимов Фаррух', tin: citizen.tin },
        now,
      );
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const newPage = () => openPage(browser, { timeoutMs: 15_000 });

    /**
     * Requests in every state, registered as an officer registers a letter or a visit: the arrival
     * time is the incoming-registration stamp (TS-16), so a request that came 30 hours ago is past
     * its 24 hours now. Two are then closed, one on time and one late; one waits for documents and
     * one is suspended while documents are asked for (TS-29, A-9).
     */
    async function seedRequests(): Promise<void> {
      const officer = await apiAs(server.url, tsd.login, tsd.password);
      const open = (serviceKey: string, receivedAt: string, extra: object = {}) =>
        officer<Created>('POST', '/api/tax-services/requests', {
          serviceKey,
          channel: 'office',
          applicant: { tin: '200000019', name: 'ҶДММ «Намуна»' },
          receivedAt,
          ...extra,
        });
      const onTrack = await open(USR_CHANGES, hoursAgo(1));
      const atRisk = await open(USR_CHANGES, hoursAgo(20)); // warned at 75 %: 18 h
      const breached = await open(USR_CHANGES, hoursAgo(30), { unitCode: 'khujand', channel: 'post' });
      const onTime = await open(USR_CHANGES, hoursAgo(2));
      const late = await open(USR_CHANGES, hoursAgo(30));
      const awaiting = await open(USR_CHANGES, hoursAgo(1), { documentsComplete: false });
      const suspended = await open(USR_CHANGES, hoursAgo(3));
      await open(RECONCILIATION, hoursAgo(0), { channel: 'email' });
      assert.deepEqual(
        [onTrack, atRisk, breached, awaiting].map((r) => r.sla.state),
        ['on_track', 'at_risk', 'breached', 'awaiting_documents'],
      );
      await officer('POST', `/api/tax-services/requests/${suspended.id}/documents-requested`, { note: 'Нусхаи оинномаро илова кунед' });
      await officer('POST', `/api/tax-services/requests/${onTime.id}/complete`, { note: 'Иқтибос дода шуд' });
      await officer('POST', `/api/tax-services/requests/${late.id}/complete`, { note: 'Иқтибос дода шуд' });
      breachedId = breached.id;
      // The checker warns the unit at 75 % and escalates to the TSD at breach (TS-30): one pass, as the worker runs it.
      const sla = server.c.taxServices.checkers.find((c) => c.name === 'tax-services.sla') ?? assert.fail('no SLA checker');
      assert.equal(await sla.run(server.db.db, new Date()), 3, 'warned: at risk and breached; escalated: breached');
    }

    test('TS-32, TS-07, TS-30: the TSD watches compliance live: headline figures and the per-service row match the seeded requests, in three languages, and "breached" opens the filtered queue', {
      timeout: 180_000,
    }, async () => {
      await seedRequests();
      const { context, page, errors } = await newPage();
      const base = server.url;

      // The TSD lands on the dashboard.
      await logIn(page, base, 'staff', tsd.login, tsd.password);
      await page.waitForURL(`${base}/services/dashboard`);
      await page.getByTestId('dash-open').waitFor();
      await page.getByRole('heading', { name: 'Назорати риояи мӯҳлатҳо' }).waitFor();

      // Now: 4 running clocks (3 for the USR changes, 1 reconciliation act), 1 past its warning, 1 past its deadline;
      // 1 suspended, 1 waiting for documents. In the month: 2 closed, 1 of them late.
      assert.equal(await text(page, 'dash-open'), '4');
      assert.equal(await text(page, 'dash-at-risk'), '1');
      assert.equal(await text(page, 'dash-breached'), '1');
      assert.equal(await text(page, 'dash-suspended'), '1');
      assert.equal(await text(page, 'dash-awaiting'), '1');
      assert.equal(await text(page, 'dash-closed'), '2');
      assert.match(await text(page, 'dash-on-time'), /^50\s?%$/);
      // Net completion times 2 h and 30 h, read from the histogram to within 1 %: the median is the first, the 95th percentile the second.
      assert.equal(await text(page, 'dash-median'), '2 соат');
      assert.equal(await text(page, 'dash-p95'), '30 соат');

      // The row of the USR changes: everything but the reconciliation act, breached and at-risk first.
      const row = `dash-row-service-${USR_CHANGES}`;
      assert.deepEqual(
        await Promise.all(['open', 'atRisk', 'breached', 'suspended', 'awaitingDocuments', 'closed', 'late', 'median', 'p95'].map((c) => cell(page, row, c))),
        ['3', '1', '1', '1', '1', '2', '1', '2 соат', '30 соат'],
      );
      assert.match(await cell(page, row, 'onTimeRate'), /^50\s?%$/);
      const serviceRows = await page.locator('[data-testid=dash-by-service] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')));
      assert.deepEqual(serviceRows, [row, `dash-row-service-${RECONCILIATION}`]);
      await shot(page, '60-dashboard-tg');

      // Russian and English: the labels and the units change, the figures do not.
      await page.getByTestId('language-switch').getByText('Рус', { exact: true }).click();
      await page.getByRole('heading', { name: 'Контроль соблюдения сроков' }).waitFor();
      await page.getByText('Срок нарушен', { exact: true }).first().waitFor();
      assert.equal(await text(page, 'dash-median'), '2 ч');
      assert.equal(await cell(page, row, 'p95'), '30 ч');
      assert.equal(await text(page, 'dash-breached'), '1');
      await shot(page, '61-dashboard-ru');
      await page.getByTestId('language-switch').getByText('Eng', { exact: true }).click();
      await page.getByRole('heading', { name: 'Deadline compliance' }).waitFor();
      await page.getByText('Breached', { exact: true }).first().waitFor();
      assert.equal(await text(page, 'dash-median'), '2 h');
      assert.equal(await text(page, 'dash-p95'), '30 h');
      assert.equal(await page.getByRole('tab', { name: 'By service' }).count(), 1);

      // One region: only the breached request registered at Khujand belongs to Sughd.
      await page.getByTestId('dash-region').selectOption('sughd');
      await page.waitForFunction(() => document.querySelector('[data-testid=dash-open]')?.textContent?.trim() === '1');
      assert.equal(await text(page, 'dash-breached'), '1');
      assert.equal(await text(page, 'dash-at-risk'), '0');
      assert.equal(await text(page, 'dash-closed'), '0');
      await page.getByTestId('dash-region').selectOption('');
      await page.waitForFunction(() => document.querySelector('[data-testid=dash-open]')?.textContent?.trim() === '4');

      // "Breached" opens the work queue filtered to breached requests: the one from Khujand, most urgent first.
      await page.getByTestId('dash-breached-link').click();
      await page.waitForURL((url) => url.pathname === '/services/queue' && url.searchParams.get('state') === 'breached');
      await page.getByTestId('requests-table').waitFor();
      const queued = page.getByTestId('request-row');
      assert.equal(await queued.count(), 1);
      assert.equal(await queued.first().getAttribute('data-service'), USR_CHANGES);
      assert.equal(await queued.first().getByTestId('sla-badge').getAttribute('data-state'), 'breached');
      assert.match((await queued.first().textContent()) ?? '', /Khujand City Tax Inspectorate/);
      await shot(page, '62-queue-breached-en');

      // Its page: the history shows the escalation to the TSD (TS-30).
      await queued.first().getByRole('link').first().click();
      await page.waitForURL(`${base}/services/queue/${breachedId}`);
      await page.getByTestId('history').getByText('Deadline breached: escalated to the TSD').waitFor();
      await shot(page, '63-request-breached-en');

      assert.deepEqual(errors, []);
      await context.close();
    });

    test('TS-03, TS-08, TS-49, TS-26, TS-38: the public reads the Standard with its † values; a citizen requests a reconciliation act from the cabinet, the TSD delivers it with a file, and the citizen downloads it', {
      timeout: 180_000,
    }, async () => {
      const published = (await (await fetch(`${server.url}/api/public/tax-services/catalogue`)).json()) as {
        groups: unknown[];
        lines: { key: string; legalBasis: { inferred: boolean }; cost: { inferred: boolean }; responsibleUnit: { inferred: boolean } }[];
      };
      const inferredCount = published.lines.reduce((n, l) => n + [l.legalBasis, l.cost, l.responsibleUnit].filter((a) => a.inferred).length, 0);
      assert.equal(published.groups.length, 12);
      assert.equal(published.lines.length, 59);

      const { context, page, errors } = await newPage();
      const base = server.url;

      // The public page: 12 groups, 59 services, each † a value the seed does not print in its row.
      await page.goto(`${base}/public/services`);
      await page.getByTestId('standard').waitFor();
      assert.equal(await page.locator('[data-testid=standard] .mantine-Accordion-item').count(), 12);
      assert.equal(await page.locator('article[data-testid^="service-"]').count(), 59);
      assert.equal(await page.getByTestId('inferred').count(), inferredCount);
      await page.getByTestId('inferred').first().hover();
      await page.getByRole('tooltip').getByText(/A-1/).waitFor();
      await shot(page, '64-standard-tg');

      // The search finds the reconciliation act by its code; its deadline reads as printed.
      await page.getByTestId('standard-search').fill(RECONCILIATION);
      await page.waitForFunction(() => document.querySelectorAll('article[data-testid^="service-"]').length === 1);
      const card = page.getByTestId(`service-${RECONCILIATION}`);
      await card.getByText('То 1 рӯзи корӣ аз лаҳзаи муроҷиати андозсупоранда').waitFor();

      // Requesting it leads through the login into the cabinet's form, with the service chosen.
      await card.getByRole('link').click();
      await page.waitForURL((url) => url.pathname === '/login');
      await page.locator('input[name=login]').fill(citizen.tin);
      await page.locator('input[name=secret]').fill(citizen.password);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL((url) => url.pathname === '/my/services/new' && url.searchParams.get('service') === RECONCILIATION);
      await page.getByTestId('service-summary').waitFor();
      await page.locator('input[type=email]').fill('farrukh@example.tj');
      await page.getByTestId('submit-request').click();
      await page.waitForURL((url) => /^\/my\/services\/[0-9a-f-]{36}$/.test(url.pathname));
      const requestId = new URL(page.url()).pathname.split('/').pop() ?? '';
      assert.equal(await page.getByTestId('sla-badge').first().getAttribute('data-state'), 'on_track');
      await page.getByTestId('history').getByText('Дархост қабул шуд').waitFor();
      await shot(page, '65-cabinet-request-tg');

      // The TSD completes it in its queue with the reconciliation act as a file.
      const officer = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'tg-TJ', timezoneId: 'Asia/Dushanbe' });
      const desk = await officer.newPage();
      desk.setDefaultTimeout(15_000);
      desk.on('pageerror', (e) => errors.push(e.message));
      await logIn(desk, base, 'staff', tsd.login, tsd.password);
      await desk.goto(`${base}/services/queue/${requestId}`);
      await desk.getByTestId('action-complete').click();
      await desk.getByRole('dialog').locator('textarea').fill('Санади муқоисавӣ тартиб дода шуд');
      const act = Buffer.from('%PDF-1.4\n% санади муқоисавӣ\n');
      await desk.getByRole('dialog').locator('input[type=file]').setInputFiles({ name: 'санади-муқоисавӣ.pdf', mimeType: 'application/pdf', buffer: act });
      await desk.getByRole('dialog').locator('button[type=submit]').click();
      await desk.locator('[data-testid=sla-badge][data-state=met]').waitFor();
      await shot(desk, '66-officer-completed-tg');
      await officer.close();

      // The citizen sees it delivered on time, with the note and the file to download (TS-38).
      await page.reload();
      await page.locator('[data-testid=sla-badge][data-state=met]').waitFor();
      assert.equal(await text(page, 'outcome-note'), 'Санади муқоисавӣ тартиб дода шуд');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('results').getByRole('link').first().click()]);
      assert.equal(download.suggestedFilename(), 'санади-муқоисавӣ.pdf');
      const path = await download.path();
      assert.deepEqual(await readFile(path), act);
      await shot(page, '67-cabinet-completed-tg');

      assert.deepEqual(errors, []);
      await context.close();
    });

    test('TS-04, TS-24, TS-10: the TSD sees the versions of the Standard and decides on proposals: one approved by an order from a later date, one rejected with a note', {
      timeout: 120_000,
    }, async () => {
      const officer = await apiAs(server.url, tsd.login, tsd.password);
      const propose = (justification: string) =>
        officer<{ id: string }>('POST', '/api/tax-services/catalogue/proposals', {
          source: 'territorial_body',
          justification,
          changes: [
            { key: RECONCILIATION, responsibleUnit: { tg: 'Шуъбаи баҳисобгирии даромадҳо', ru: 'Отдел учёта доходов', en: 'Revenue accounting division' } },
          ],
        });
      const approved = await propose('Санади муқоисавӣ дар шуъбаи баҳисобгирӣ');
      const rejected = await propose('Пешниҳоди такрорӣ');
      const { context, page, errors } = await newPage();
      const base = server.url;
      await logIn(page, base, 'staff', tsd.login, tsd.password);
      await page.goto(`${base}/services/catalogue`);
      const rows = page.getByTestId('version-row');
      await rows.first().waitFor();
      // Order 396 in force, order 250 repealed by it, and the two proposals.
      assert.deepEqual((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')))).sort(), [
        'in_force',
        'proposed',
        'proposed',
        'repealed',
      ]);
      await page.getByText('Бо фармоиши № 396 бекор карда шуд').waitFor();

      // Approve the first with its order, from tomorrow (Dushanbe): the version in force ends today.
      const tomorrow = new Date(Date.now() + 5 * HOUR + 24 * HOUR).toISOString().slice(0, 10);
      const row = (text: string) => rows.filter({ hasText: text });
      await row('Санади муқоисавӣ дар шуъбаи баҳисобгирӣ').getByRole('button', { name: 'Тасдиқ кардан' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Рақами фармоиш').fill('412');
      await dialog.locator('input[type=date]').fill(tomorrow);
      await dialog.locator('textarea').fill('Тибқи фармоиши № 412');
      await dialog.locator('button[type=submit]').click();
      await page.locator('[data-testid=version-row][data-state=approved]').waitFor();

      // Reject the second with a note.
      await row('Пешниҳоди такрорӣ').getByRole('button', { name: 'Рад кардан' }).click();
      await page.getByRole('dialog').locator('textarea').fill('Такрори пешниҳоди қаблӣ');
      await page.getByRole('dialog').locator('button[type=submit]').click();
      await page.locator('[data-testid=version-row][data-state=rejected]').getByText('Такрори пешниҳоди қаблӣ').waitFor();
      await shot(page, '68-versions-tg');

      const versions = await officer<{ id: string; status: string; effectiveFrom: string | null }[]>('GET', '/api/tax-services/catalogue/versions');
      assert.deepEqual(
        [approved.id, rejected.id].map((id) => versions.find((v) => v.id === id)?.status),
        ['approved', 'rejected'],
      );
      assert.equal(versions.find((v) => v.id === approved.id)?.effectiveFrom, tomorrow);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
