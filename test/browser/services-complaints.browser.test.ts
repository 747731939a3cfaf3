/**
 * The online Book of complaints and the complaints register in a real headless Chromium against
 * the real server (order 396, A1 p.13-15, group 11.00.00): a citizen files a complaint without
 * logging in and keeps its number and secret; the Taxpayer Services Department replies in writing;
 * the citizen reads the reply, downloads the letter and rates the handling; a wrong secret finds
 * nothing; an officer registers a letter that came by post with its incoming stamp. Needs
 * `npm run build:web` first (the test runner builds it when it is stale).
 *
 *   node --import tsx test/run.ts --only browser services-complaints
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
const COMPLAINT_TEXT = 'Нозири нозироти андози ноҳияи Сино аризаи маро се ҳафта қабул накард ва ҷавоб надод.';
const REPLY_TEXT = 'Бо нозир суҳбат гузаронида шуд; аризаи Шумо 12 октябр қабул ва ба қайд гирифта шуд.';

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function logInStaff(page: Page, base: string, login: string, secret: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.waitForSelector('#login-title');
  await page.getByText('Корманд', { exact: true }).click();
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=secret]').fill(secret);
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('user-block').waitFor();
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

/** A secret with its first character changed to another of the alphabet: the same shape, a different key. */
const wrongSecret = (secret: string) => secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));

for (const target of testTargets()) {
  describe(`the Book of complaints in Chromium [${target}]`, () => {
    let server: BrowserServer;
    let browser: Browser;
    const tsd = { login: `tsd-book-${process.pid}`, password: PASSWORD };

    before(async () => {
      assertWebBuilt();
      server = await startBrowserServer(target);
      await createAccount(server.db.db, { role: 'service_officer', login: tsd.login, secret: tsd.password, displayName: 'Раёсати хизматрасонӣ' }, new Date());
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const newPage = () => openPage(browser, { timeoutMs: 15_000, context: { acceptDownloads: true } });

    test('TS-40, TS-39, TS-17, 11.11.02: a citizen files a complaint in the public Book and gets its number and secret; the TSD replies with a letter; with the number and secret the citizen reads the answer and downloads the letter; a wrong secret is not found; the language switch changes the labels', {
      timeout: 180_000,
    }, async () => {
      const base = server.url;
      const citizen = await newPage();
      const page = citizen.page;

      // The public Book, without logging in (TS-40): what the complaint is about, its text, the complainant and a contact.
      await page.goto(`${base}/public/complaints`);
      await page.getByRole('heading', { name: 'Китоби шикоятҳо' }).waitFor();
      await page.locator('select[name=about-unit]').selectOption('dushanbe-sino');
      await page.locator('input[name=about-official]').fill('Қодиров С.');
      await page.getByTestId('about-conduct').getByText('Беамалӣ', { exact: true }).click();
      await page.locator('textarea[name=text]').fill(COMPLAINT_TEXT);
      await page.locator('input[name=complainant-name]').fill('Назаров Фаррух');
      await page.locator('input[name=complainant-email]').fill('farrukh@example.tj');
      await shot(page, '70-book-form-tg');
      await page.getByTestId('file-complaint').click();

      // The registration number and the secret, shown once, with the warning to keep them.
      await page.getByTestId('complaint-registered').waitFor();
      const number = await text(page, 'registration-number');
      const secret = await text(page, 'registration-secret');
      assert.match(number, /^\d{4}-\d{7}$/);
      assert.match(secret, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      await page.getByTestId('keep-secret').getByText('Инро нигоҳ доред!').waitFor();
      await shot(page, '71-book-registered-tg');

      // The register keeps it as an 11.11.02 appeal of the Book channel, about the inaction of the named official (TS-39).
      const officerApi = await apiAs(base, tsd.login, tsd.password);
      const inRegister = await officerApi<{ id: string; registrationNumber: string; serviceKey: string; channel: string; about: Record<string, string> }[]>(
        'GET',
        '/api/tax-services/complaints?channel=complaint_book',
      );
      const filed = inRegister.find((c) => c.registrationNumber === number) ?? assert.fail('the complaint is not in the register');
      assert.deepEqual(
        [filed.serviceKey, filed.channel, filed.about.unitCode, filed.about.conduct],
        ['11.11.02', 'complaint_book', 'dushanbe-sino', 'inaction'],
      );

      // Before the reply the status page says it is under review, with its deadline.
      await page.getByTestId('to-status').click();
      await page.waitForURL((url) => url.pathname === '/public/complaint-status' && url.searchParams.get('number') === number);
      assert.equal(await page.locator('input[name=registrationNumber]').inputValue(), number);
      await page.locator('input[name=secret]').fill(secret);
      await page.getByTestId('show-status').click();
      await page.locator('[data-testid=complaint-status][data-status=under_review]').waitFor();
      assert.notEqual(await text(page, 'status-due'), '—');
      assert.equal(await page.getByTestId('reply-letter').count(), 0);

      // The TSD finds it in the register, opens it and replies in writing (TS-17).
      const officer = await newPage();
      const desk = officer.page;
      await logInStaff(desk, base, tsd.login, tsd.password);
      await desk.goto(`${base}/services/complaints`);
      const row = desk.locator(`[data-testid=complaint-row][data-number="${number}"]`);
      await row.waitFor();
      assert.equal(await row.getByTestId('complaint-status').textContent(), 'Дар баррасӣ');
      await row.getByTestId('complaint-link').click();
      await desk.waitForURL(`${base}/services/complaints/${filed.id}`);
      assert.equal(await text(desk, 'complaint-text'), COMPLAINT_TEXT);
      await desk.locator('select[name=outcome]').selectOption('partly_upheld');
      await desk.locator('textarea[name=reply-text]').fill(REPLY_TEXT);
      await desk.getByTestId('send-reply').click();
      await desk.getByTestId('complaint-reply').waitFor();
      await desk.getByTestId('reply-letter-link').waitFor();
      assert.equal(await desk.getByTestId('reply-form').count(), 0, 'a complaint is answered once');
      await shot(desk, '72-officer-replied-tg');

      // Its request in the work queue is completed with the letter as its result, on time.
      await desk.getByTestId('to-request').click();
      await desk.waitForURL(`${base}/services/queue/${filed.id}`);
      await desk.locator('[data-testid=sla-badge][data-state=met]').waitFor();
      await desk.getByTestId('results').getByText(`complaint-${number}-reply.pdf`).waitFor();
      await desk.getByTestId('to-complaint').waitFor();
      await officer.context.close();

      // The citizen reads the answer with the number and the secret, and downloads the letter.
      await page.getByTestId('show-status').click();
      await page.locator('[data-testid=complaint-status][data-status=answered]').waitFor();
      assert.equal(await text(page, 'status-badge'), 'Ҷавоб дода шуд');
      assert.equal(await text(page, 'status-outcome'), 'Шикоят қисман қонеъ гардонида шуд');
      assert.equal(await text(page, 'status-reply'), REPLY_TEXT);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reply-letter').click()]);
      assert.equal(download.suggestedFilename(), `complaint-${number}-reply.pdf`);
      const letter = await readFile(await download.path());
      assert.equal(letter.subarray(0, 5).toString(), '%PDF-');
      await shot(page, '73-status-answered-tg');

      // The handling is rated once (TS-41).
      await page.getByTestId('survey-open').click();
      for (const [question, stars] of [
        ['overall', 4],
        ['courtesy', 5],
        ['clarity', 4],
        ['timeliness', 3],
      ] as const)
        await page
          .getByTestId(`score-${question}`)
          .locator('label')
          .nth(stars - 1)
          .click();
      await page.getByTestId('survey-submit').click();
      await page.getByTestId('survey-done').getByText('Ташаккур! Баҳои шумо қабул шуд.').waitFor();

      // A wrong secret of the same shape gets the not-found message, and nothing of the complaint.
      await page.locator('input[name=secret]').fill(wrongSecret(secret));
      await page.getByTestId('show-status').click();
      await page.getByTestId('status-not-found').getByText('Шикоят бо ин рақам ва рамз ёфт нашуд. Рақам ва рамзро санҷед.').waitFor();
      assert.equal(await page.getByTestId('complaint-status').count(), 0);
      await shot(page, '74-status-not-found-tg');

      // Russian, then English: the labels and the message change.
      await page.getByTestId('language-switch').getByText('Рус', { exact: true }).click();
      await page.getByRole('heading', { name: 'Статус жалобы' }).waitFor();
      await page.getByText('Регистрационный номер', { exact: true }).waitFor();
      await page.getByTestId('status-not-found').getByText('Жалоба с таким номером и кодом не найдена. Проверьте номер и код.').waitFor();
      await page.getByTestId('language-switch').getByText('Eng', { exact: true }).click();
      await page.getByText('Registration number', { exact: true }).waitFor();
      await shot(page, '75-status-not-found-en');

      assert.deepEqual(citizen.errors, []);
      assert.deepEqual(officer.errors, []);
      await citizen.context.close();
    });

    test('TS-15, TS-16, TS-39, 11.11.02: the public reads the six channels with 2330905, 151 and info@andoz.tj; an officer registers a letter that came by post with its incoming number and stamp time, and finds it in the register filtered by channel', {
      timeout: 120_000,
    }, async () => {
      const base = server.url;
      const { context, page, errors } = await newPage();
      await page.goto(`${base}/public/complaint-channels`);
      await page.getByTestId('complaint-channels').waitFor();
      assert.equal(await page.getByTestId('complaint-channel').count(), 6);
      const contacts = (await page.getByTestId('channel-contact').allTextContents()).join(' | ');
      for (const wanted of ['кӯчаи Н. Қаробоев 42/2', '2330905', '151', 'info@andoz.tj']) assert.ok(contacts.includes(wanted), `${wanted} in ${contacts}`);
      assert.equal(await page.locator('a[href="tel:2330905"]').count(), 1);
      assert.equal(await page.locator('a[href="mailto:info@andoz.tj"]').count(), 1);
      await shot(page, '76-channels-tg');

      // A letter stamped yesterday at 15:00 Dushanbe time: the date of receipt is the stamp (TS-16).
      await logInStaff(page, base, tsd.login, tsd.password);
      await page.goto(`${base}/services/register-complaint`);
      await page.locator('select[name=channel]').selectOption('post');
      const yesterday = new Date(Date.now() + 5 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
      await page.locator('input[name=receipt-incomingNumber]').fill('ВХ-1042');
      await page.locator('input[name=receipt-stampedAt]').fill(`${yesterday}T15:00`);
      await page.locator('input[name=complainant-name]').fill('Раҳимова Зарина');
      await page.locator('input[name=complainant-address]').fill('ш. Хуҷанд, кӯчаи Ленин 5');
      await page.locator('textarea[name=text]').fill('Дар бораи тартиби пардохти андози замин шарҳ диҳед.');
      await page.getByTestId('register-complaint').click();
      await page.getByTestId('complaint-registered').waitFor();
      const number = await text(page, 'registration-number');
      assert.match(await text(page, 'registration-secret'), /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

      await page.goto(`${base}/services/complaints?channel=post`);
      const rows = page.getByTestId('complaint-row');
      await rows.first().waitFor();
      assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-number'))), [number]);
      await rows.first().getByTestId('complaint-link').click();
      await page.getByTestId('complaint-card').getByText('ВХ-1042', { exact: false }).waitFor();
      const complaint = (
        await (
          await apiAs(base, tsd.login, tsd.password)
        )<{ registrationNumber: string; receipt: { mode: string; receivedAt: string; incomingNumber: string } }[]>(
          'GET',
          '/api/tax-services/complaints?channel=post',
        )
      )[0];
      assert.deepEqual(complaint?.receipt.mode, 'incoming_stamp');
      assert.equal(complaint?.receipt.receivedAt, new Date(`${yesterday}T15:00:00+05:00`).toISOString());
      await shot(page, '77-registered-by-post-tg');
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
