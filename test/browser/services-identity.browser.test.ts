/**
 * The identity services' pages in a real headless Chromium against the real server
 * (docs/tax-services-identity.md): a citizen registers online for a TIN and downloads its
 * certificate, then finds the same TIN with "Find out TIN" (the browser really solves the proof of
 * work); then opens a personal cabinet and gets an EDS certificate for a key made in the browser,
 * whose signature the public page verifies. Needs `npm run build:web` (the runner builds it when stale).
 *
 *   node --import tsx test/run.ts --only browser services-identity
 *
 * BEKOGAZ_SCREENSHOTS=/tmp/dir saves a PNG at each milestone.
 */
import assert from 'node:assert/strict';
import { createHash, randomInt, sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createAccount } from '../../src/platform/auth.ts';
import { leadingZeroBits } from '../../web/src/lib/proof-of-work.ts';
import { testTargets } from '../db.ts';
import { assertWebBuilt, type BrowserServer, launchChromium, openPage, startBrowserServer } from './harness.ts';
import { PASSWORD } from './seed.ts';

const SHOTS = process.env.BEKOGAZ_SCREENSHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A date `years` years before today (UTC), as YYYY-MM-DD. */
const yearsAgo = (years: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
};

const passportNumber = () => String(randomInt(10_000_000, 99_999_999));
const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

async function savedDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

type Person = { surname: string; givenName: string; birthDate: string; series: string; number: string };

for (const target of testTargets()) {
  describe(`identity services in Chromium [${target}]`, () => {
    let server: BrowserServer;
    let browser: Browser;

    before(async () => {
      assertWebBuilt();
      server = await startBrowserServer(target);
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const newPage = () => openPage(browser, { viewport: { width: 1280, height: 900 } });

    const fillPerson = async (page: Page, p: Pick<Person, 'surname' | 'birthDate' | 'series' | 'number'>) => {
      await page.locator('input[name=surname]').fill(p.surname);
      await page.locator('input[name=birthDate]').fill(p.birthDate);
      await page.locator('input[name=passportSeries]').fill(p.series);
      await page.locator('input[name=passportNumber]').fill(p.number);
    };

    test('TS-45, TS-20 01.01.01 and TS-44, TS-19: a citizen registers online for a TIN and downloads the certificate PDF, then "Find out TIN" (the proof of work solved in the browser) gives the same TIN; a wrong surname is not found; the labels follow the language', {
      timeout: 180_000,
    }, async () => {
      const { context, page, errors } = await newPage();
      const base = server.url;
      const person: Person = { surname: 'Ҳакимова', givenName: 'Нигина', birthDate: yearsAgo(20), series: 'A', number: passportNumber() };

      // A 15-year-old is refused at the door, with the day they turn 16 in words.
      await page.goto(`${base}/public/tin-registration`);
      await page.getByTestId('tin-registration-form').waitFor();
      await page.locator('input[name=givenName]').fill(person.givenName);
      await fillPerson(page, { ...person, birthDate: yearsAgo(15), number: passportNumber() });
      await page.locator('input[name=address]').fill('ш. Душанбе, кӯч. Айнӣ 12, хонаи 5');
      await page.getByTestId('tin-register-submit').click();
      await page.getByTestId('problem').getByText('Аризадиҳанда ҳанӯз 16-сола нашудааст').waitFor();
      assert.match(await text(page, 'under-16'), /^Шумо аз \d{1,2} \S+ \d{4} метавонед РМА-ро онлайн гиред\.$/);

      // 20 years old: the TIN and its certificate at once.
      await fillPerson(page, person);
      await page.locator('input[name=patronymic]').fill('Аслиддиновна');
      await page.locator('input[name=email]').fill('nigina@example.tj');
      await page.getByTestId('tin-register-submit').click();
      await page.getByTestId('tin-registered').waitFor();
      const tin = await text(page, 'tin');
      assert.match(tin, /^[1-9]\d{8}$/);
      await shot(page, '70-tin-registered-tg');

      // The certificate is a PDF that the register knows by its hash.
      const pdf = await savedDownload(page, () => page.getByTestId('download-certificate').click());
      assert.equal(pdf.name, `tin-certificate-${tin}.pdf`);
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      const sha256 = createHash('sha256').update(pdf.bytes).digest('hex');
      const verdict = (await (await fetch(`${base}/api/public/tax-services/tin-certificates/verify?sha256=${sha256}`)).json()) as {
        isGenuine: boolean;
        tin: string;
      };
      assert.deepEqual([verdict.isGenuine, verdict.tin], [true, tin]);

      // The certificate check page, opened from the result, finds it by number and TIN.
      const number = await text(page, 'certificate-number');
      await page.getByRole('link', { name: 'Санҷиши ҳаққонияти шаҳодатнома' }).click();
      await page.getByTestId('certificate-genuine').getByText(number).waitFor();

      // "Find out TIN" with the same data: the browser asks for a challenge and solves it before the query.
      await page.goto(`${base}/public/tin-lookup`);
      await page.getByTestId('find-tin-form').waitFor();
      await fillPerson(page, person);
      // The page says it is solving. On a fast machine that lasts a few milliseconds, less than a
      // locator's polling can be sure to see, so the page itself records that it showed it.
      await page.evaluate(() => {
        const w = window as unknown as { sawSolving?: boolean };
        w.sawSolving = false;
        new MutationObserver(() => {
          if (document.querySelector('[data-testid=pow-solving]')) w.sawSolving = true;
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      const [query] = await Promise.all([
        page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/public/tax-services/tin-lookup'),
        page.getByTestId('find-tin-submit').click(),
      ]);
      assert.equal(await page.evaluate(() => (window as unknown as { sawSolving?: boolean }).sawSolving), true, 'the page showed that it was solving');
      const sent = query.postDataJSON() as { challenge: string; solution: string; surname: string };
      const { difficulty } = JSON.parse(Buffer.from(sent.challenge.split('.')[0] ?? '', 'base64url').toString()) as { difficulty: number };
      assert.ok(difficulty >= 8, `difficulty ${difficulty}`);
      assert.ok(leadingZeroBits(createHash('sha256').update(`${sent.challenge}:${sent.solution}`).digest()) >= difficulty);
      await page.getByTestId('tin-found').waitFor();
      assert.equal(await text(page, 'tin'), tin);
      await shot(page, '71-find-tin-found-tg');

      // A wrong surname: the same kind of answer, "not found", and nothing else.
      await page.locator('input[name=surname]').fill('Ҳакимов');
      await page.getByTestId('find-tin-submit').click();
      await page.getByTestId('tin-not-found').getByText('Бо ин маълумот андозсупоранда ёфт нашуд').waitFor();
      assert.equal(await page.getByTestId('tin').count(), 0);
      await shot(page, '72-find-tin-not-found-tg');

      // Russian and English labels.
      await page.getByTestId('language-switch').getByText('Рус', { exact: true }).click();
      await page.getByRole('heading', { name: 'Узнать ИНН' }).waitFor();
      await page.getByLabel('Фамилия').waitFor();
      assert.equal(await page.getByTestId('tin-not-found').getByText('По этим данным налогоплательщик не найден').count(), 1);
      await page.getByTestId('language-switch').getByText('Eng', { exact: true }).click();
      await page.getByLabel('Passport number').waitFor();
      await page.getByRole('link', { name: 'Find out TIN' }).first().waitFor();
      await shot(page, '73-find-tin-en');

      // Past 10 queries a minute from one address the page says how long to wait, and the button waits too.
      for (let i = 0; i < 12; i++) {
        await fetch(`${base}/api/public/tax-services/tin-lookup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ passportNumber: person.number, surname: person.surname, birthDate: person.birthDate }),
        });
      }
      await page.getByTestId('find-tin-submit').click();
      const limited = page.getByTestId('rate-limited');
      await limited.getByText('Too many queries').waitFor();
      assert.match((await limited.textContent()) ?? '', /Please wait \d+ s\./);
      assert.equal(await page.getByTestId('find-tin-submit').isDisabled(), true);

      assert.deepEqual(errors, []);
      await context.close();
    });

    test('TS-49 12.12.01, TS-50 12.12.02: a citizen opens a cabinet, makes a key in the browser, signs the contract; the TSD records the fee; the certificate is issued and a signature made with the saved key verifies on the public page', {
      timeout: 240_000,
    }, async () => {
      const base = server.url;
      const person: Person = { surname: 'Юсуфов', givenName: 'Фирдавс', birthDate: yearsAgo(30), series: 'A', number: passportNumber() };
      const registered = await fetch(`${base}/api/public/tax-services/tin-registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          surname: person.surname,
          givenName: person.givenName,
          birthDate: person.birthDate,
          passportSeries: person.series,
          passportNumber: person.number,
          address: 'ш. Хуҷанд, кӯч. Ленин 7',
        }),
      });
      assert.equal(registered.status, 201);
      const { tin } = (await registered.json()) as { tin: string };
      const tsd = { login: `tsd-id-${process.pid}`, password: PASSWORD };
      await createAccount(server.db.db, { role: 'service_officer', login: tsd.login, secret: tsd.password, displayName: 'Раёсати хизматрасонӣ' }, new Date());

      // 12.12.01: the register matches, so the cabinet opens at once; the password goes by e-mail.
      const { context, page, errors } = await newPage();
      await page.goto(`${base}/public/cabinet?tin=${tin}`);
      await page.getByTestId('cabinet-form').waitFor();
      assert.equal(await page.locator('input[name=tin]').inputValue(), tin);
      await fillPerson(page, person);
      await page.locator('input[name=email]').fill('firdavs@example.tj');
      await page.getByTestId('cabinet-submit').click();
      await page.getByTestId('cabinet-outcome').getByText('Ҳуҷраи шахсӣ кушода шуд').waitFor();
      await page.getByText('f***@example.tj', { exact: false }).first().waitFor();
      await shot(page, '74-cabinet-opened-tg');
      // The gateway would send it; the test reads the queued one-time password.
      const [message] = await server.db.query<{ secret: string }>(
        `SELECT secret FROM tax_services.outgoing_messages WHERE tin = $1 AND kind = 'cabinet_credentials'`,
        [tin],
      );
      assert.ok(message?.secret);

      await page.goto(`${base}/login`);
      await page.locator('input[name=login]').fill(tin);
      await page.locator('input[name=secret]').fill(message.secret);
      await page.locator('form button[type=submit]').click();
      await page.getByTestId('user-block').waitFor();

      // 12.12.02: the price list marks the citizen's kind; a key made here, its private half saved first.
      await page.goto(`${base}/my/eds`);
      await page.locator('[data-testid=eds-prices] tr[data-kind=individual]').getByText('50,00 сомонӣ').waitFor();
      await page.getByTestId('eds-generate').click();
      assert.equal(await page.getByTestId('eds-apply').isDisabled(), true, 'no application before the private key is saved');
      const key = await savedDownload(page, () => page.getByTestId('eds-save-key').click());
      assert.equal(key.name, `eds-private-key-${tin}.pem`);
      assert.match(key.bytes.toString(), /^-----BEGIN PRIVATE KEY-----\n/);
      await page.getByTestId('eds-apply').click();
      await page.locator('[data-testid=eds-application][data-step=contract]').waitFor();
      await page.getByRole('checkbox', { name: 'Матни шартномаро хондам ва қабул дорам' }).check();
      await page.getByTestId('eds-sign').click();
      await page.locator('[data-testid=eds-application][data-step=payment]').waitFor();
      await shot(page, '75-eds-payment-due-tg');

      // The TSD records the fee as the bank confirmed it: the certificate is issued.
      const desk = await newPage();
      await desk.page.goto(`${base}/login`);
      await desk.page.getByText('Корманд', { exact: true }).click();
      await desk.page.locator('input[name=login]').fill(tsd.login);
      await desk.page.locator('input[name=secret]').fill(tsd.password);
      await desk.page.locator('form button[type=submit]').click();
      await desk.page.getByTestId('user-block').waitFor();
      await desk.page.goto(`${base}/services/eds`);
      await desk.page.getByTestId('eds-tin-filter').fill(tin);
      const row = desk.page.locator('[data-testid=eds-application-row][data-status=pending]');
      await row.getByTestId('eds-record-payment').click();
      const dialog = desk.page.getByRole('dialog');
      assert.equal(await dialog.locator('input').first().inputValue(), '50.00');
      await dialog.getByLabel('Рақами пардохти бонк').fill('AMONAT-2026-0042');
      await dialog.locator('button[type=submit]').click();
      await desk.page.locator('[data-testid=eds-application-row][data-status=issued]').waitFor();
      await shot(desk.page, '76-eds-officer-tg');
      errors.push(...desk.errors);
      await desk.context.close();

      // The citizen sees the active certificate, valid for a year, and downloads it.
      await page.reload();
      const certificate = page.locator('[data-testid=eds-certificate][data-state=active]');
      await certificate.waitFor();
      const pem = await savedDownload(page, () => certificate.getByRole('link', { name: 'Боргирӣ' }).click());
      assert.match(pem.bytes.toString(), /^-----BEGIN CERTIFICATE-----/);
      await page.getByTestId('eds-apply-form').waitFor();
      await shot(page, '77-eds-issued-tg');

      // Anyone checks a signature made with the saved private key against that certificate.
      const document = 'Эъломияи андоз аз даромад, соли 2025';
      const signature = sign('sha256', Buffer.from(document), { key: key.bytes.toString(), dsaEncoding: 'der' }).toString('base64');
      await page.goto(`${base}/public/eds`);
      await page.getByTestId('eds-ca').getByText('-----BEGIN CERTIFICATE-----').waitFor();
      const form = page.getByTestId('eds-verify-form');
      await form.getByLabel('Сертификати имзокунанда').fill(pem.bytes.toString());
      await form.getByLabel('Ҳуҷҷати имзошуда').fill(document);
      await form.getByLabel('Имзо (base64)').fill(signature);
      await page.getByTestId('eds-verify-submit').click();
      await page.locator('[data-testid=eds-verdict][data-tone=good]').getByText('Имзо дуруст аст').waitFor();
      await page.getByTestId('eds-verdict').getByText(tin).waitFor();
      await shot(page, '78-eds-verified-tg');
      // One letter changed: the signature no longer matches.
      await form.getByLabel('Ҳуҷҷати имзошуда').fill(`${document}.`);
      await page.getByTestId('eds-verify-submit').click();
      await page.locator('[data-testid=eds-verdict][data-tone=bad]').getByText('Имзо ба ҳуҷҷат мувофиқ нест').waitFor();

      assert.deepEqual(errors, []);
      await context.close();
    });

    test('TS-49 12.12.01, TS-48 05.05.06: an organisation asks for a cabinet, an officer confirms it from the work queue, the notice in its inbox opens the request, and its counterparty checks become requests; a private person is not a counterparty', {
      timeout: 180_000,
    }, async () => {
      const base = server.url;
      // Demo taxpayers of migration 0013: a legal entity, an individual entrepreneur and a private person.
      const org = { tin: '300000033', name: 'ҶДММ «Боғи Сомон»' };
      const trader = '300000022';
      const privatePerson = '300000011';
      const tsd = { login: `tsd-org-${process.pid}`, password: PASSWORD };
      await createAccount(server.db.db, { role: 'service_officer', login: tsd.login, secret: tsd.password, displayName: 'Раёсати хизматрасонӣ' }, new Date());

      const { context, page, errors } = await newPage();
      await page.goto(`${base}/public/cabinet`);
      await page.getByText('Ташкилот ё хоҷагии деҳқонӣ', { exact: true }).click();
      await page.locator('input[name=tin]').fill(org.tin);
      await page.locator('input[name=organisationName]').fill(org.name);
      await page.getByLabel('Ному насаб').fill('Сафаров Бахтиёр');
      await page.getByLabel('Вазифа').fill('Директор');
      await page.getByLabel('Рақами шиноснома').fill('A 4455667');
      await page.locator('input[name=email]').fill('info@boghisomon.tj');
      await page.getByTestId('cabinet-submit').click();
      await page.getByTestId('cabinet-outcome').getByText('Дархост қабул шуд').waitFor();
      const number = await text(page, 'cabinet-request-number');

      // The officer opens it from the queue and confirms after checking the representative.
      const desk = await newPage();
      await desk.page.goto(`${base}/login`);
      await desk.page.getByText('Корманд', { exact: true }).click();
      await desk.page.locator('input[name=login]').fill(tsd.login);
      await desk.page.locator('input[name=secret]').fill(tsd.password);
      await desk.page.locator('form button[type=submit]').click();
      await desk.page.getByTestId('user-block').waitFor();
      await desk.page.goto(`${base}/services/queue?serviceKey=12.12.01`);
      await desk.page.getByTestId('request-row').filter({ hasText: number }).getByRole('link').first().click();
      await desk.page.getByTestId('cabinet-representative').getByText('Сафаров Бахтиёр, Директор').waitFor();
      await shot(desk.page, '79-cabinet-confirm-tg');
      await desk.page.getByTestId('cabinet-confirm-button').click();
      await desk.page.getByTestId('history').getByText('Хизматрасонӣ иҷро шуд').waitFor();
      assert.equal(await desk.page.getByTestId('cabinet-confirm').count(), 0);
      const requestId = new URL(desk.page.url()).pathname.split('/').pop() ?? '';
      errors.push(...desk.errors);
      await desk.context.close();

      // The organisation signs in with the one-time password; the notice in its inbox opens the request.
      const [message] = await server.db.query<{ secret: string }>(
        `SELECT secret FROM tax_services.outgoing_messages WHERE tin = $1 AND kind = 'cabinet_credentials'`,
        [org.tin],
      );
      assert.ok(message?.secret);
      await page.goto(`${base}/login`);
      await page.locator('input[name=login]').fill(org.tin);
      await page.locator('input[name=secret]').fill(message.secret);
      await page.locator('form button[type=submit]').click();
      await page.getByTestId('user-block').waitFor();
      await page.goto(`${base}/inbox`);
      await page.locator(`a[href="/my/services/${requestId}"]`).first().click();
      await page.waitForURL(`${base}/my/services/${requestId}`);
      await page.getByTestId('request-number').getByText(number).waitFor();

      // Counterparty checks from the cabinet: an entrepreneur is found and the answer is kept as a 05.05.06 request.
      await page.goto(`${base}/my/counterparty`);
      await page.locator('input[name=tin]').fill(trader);
      await page.getByTestId('counterparty-submit').click();
      await page.getByTestId('counterparty').waitFor();
      assert.equal(await text(page, 'counterparty-status'), 'Дар баҳисобгирӣ');
      assert.match(await text(page, 'counterparty-request'), /^Ҳамчун дархости № \d{4}-\d{7} сабт шуд\./);
      await shot(page, '80-counterparty-tg');
      await page.locator('input[name=tin]').fill(privatePerson);
      await page.getByTestId('counterparty-submit').click();
      await page.getByTestId('counterparty-not-found').waitFor();
      assert.equal(await page.getByTestId('counterparty').count(), 0);

      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
