/**
 * What the declarant asks and sees around the goods declaration, and what customs decides there, in a
 * real headless Chromium against the real server (docs/customs-value.md,
 * docs/customs-declarant-requests.md, docs/customs-exit-statistics.md): the customs value form and the
 * value communications, the results of tests of samples, art.150 undertakings, sample permissions,
 * simplified export and the border office's exit. The data customs records elsewhere (communications,
 * control acts, laboratory results, decisions) are made through the API, as the officers' own pages would.
 *
 *   BEKOGAZ_TEST_TARGETS=pglite node --import tsx test/run.ts --only browser customs-requests
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

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;
type Filed = { id: string; number: string; state: string };

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Today in Dushanbe (UTC+05:00), and a day relative to it. */
const dushanbeDay = (days = 0) => new Date(Date.now() + 5 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

for (const target of testTargets()) {
  describe(`customs value, samples, undertakings, simplified export and exit in Chromium [${target}]`, () => {
    let server: BrowserServer;
    let browser: Browser;
    let signer: Signer;
    let declarant: Call;
    let officer: Call;
    let docs: { invoice: string; contract: string; cmr: string };
    const officerLogin = { login: `customs-officer-req-${process.pid}`, password: PASSWORD };

    before(async () => {
      assertWebBuilt();
      server = await startBrowserServer(target);
      browser = await launchChromium();
      const now = new Date();
      await createAccount(server.db.db, { role: 'declarant', login: BROKER, secret: PASSWORD, displayName: 'ҶДММ «Брокери намунавӣ»', tin: BROKER }, now);
      await createAccount(server.db.db, { role: 'customs_officer', login: officerLogin.login, secret: PASSWORD, displayName: 'Корманди гумрук' }, now);
      declarant = await apiAs(server.url, BROKER, PASSWORD);
      officer = await apiAs(server.url, officerLogin.login, PASSWORD);
      const ca = await testAuthority('Browser requests CA');
      await officer('POST', '/api/customs/trusted-issuers', { name: 'Browser requests CA', certificatePem: ca.certificatePem });
      signer = await ca.signer(BROKER);
      const upload = async (label: string) =>
        (
          await declarant<{ sha256: string }>('POST', '/api/customs/documents', {
            fileName: `${label}.pdf`,
            mediaType: 'application/pdf',
            contentBase64: Buffer.from(`%PDF-1.4 ${label}`).toString('base64'),
          })
        ).sha256;
      docs = { invoice: await upload('invoice'), contract: await upload('contract'), cmr: await upload('cmr') };
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const draft = async (data: DeclarationData, form = 'standard') => (await declarant<{ id: string }>('POST', '/api/customs/declarations', { form, data })).id;
    const file = async (id: string): Promise<Filed> => {
      const { payload } = await declarant<{ payload: string }>('GET', `/api/customs/declarations/${id}/signing-payload`);
      return declarant<Filed>('POST', `/api/customs/declarations/${id}/filing`, {
        signature: await signer.sign(payload),
        certificatePem: signer.certificatePem,
      });
    };
    /** An export of domestic goods to Kazakhstan by road (as filing.fixtures.ts): nothing to pay. */
    const exportData = (cmr: string): DeclarationData => {
      const base = importDeclaration(docs);
      return importDeclaration(docs, {
        direction: 'export',
        regime: 'export',
        consignor: { name: 'ҶДММ «Брокери намунавӣ»', country: 'TJ', address: 'Душанбе', tin: BROKER },
        consignee: { name: 'Almaty Foods', country: 'KZ', address: 'Almaty' },
        countryOfDispatch: 'TJ',
        countryOfDestination: 'KZ',
        preliminaryExemption: undefined,
        documents: base.documents.map((d) => (d.typeCode === 'CMR' ? { ...d, number: cmr } : d)),
      });
    };

    const newPage = () => openPage(browser, { consoleErrors: true });
    const login = (page: Page, name: string, secret: string) => logInAs(page, server.url, name, secret);

    test('CUS-REG-08, CUS-REG-10, CUS-REG-11, CUS-DEC-20, CUS-REL-08: the declarant sees on its declaration the customs value form versions, the value communications addressed to it (electronic and written, sent and delivered), the results of the tests of samples and its art.150 undertaking, which it fulfils with this declaration', {
      timeout: 240_000,
    }, async () => {
      // CUS-REL-08: an electronic undertaking customs accepted (the goods released before the declaration).
      const given = await declarant<{ number: string }>('POST', '/api/customs/undertakings', {
        channel: 'electronic',
        officeCode: 'DUSHANBE',
        direction: 'import',
        periodDays: 30,
        transportDocument: { typeCode: 'CMR', number: 'CMR-5511' },
        commodityCodes: ['8517', '1701'],
        goodsDescription: 'Смартфонҳо ва шакар / смартфоны и сахар',
      });
      await officer('POST', `/api/customs/undertakings/${given.number}/decision`, { accept: true });

      // A registered import that risk management's red lane puts under control.
      const filed = await file(await draft(importDeclaration(docs)));
      await server.c.worker.runOnce();
      const [decision] = await officer<{ id: string }[]>('GET', `/api/risk/decisions?subjectId=${filed.id}`);
      await officer('POST', `/api/risk/decisions/${decision?.id}/reroute`, { lane: 'red' });

      // CUS-REG-08, CUS-REG-10: the value form submitted separately after filing (version 1).
      await declarant('POST', `/api/customs/declarations/${filed.id}/value-form`, {
        method: 1,
        invoiceNumber: 'INV-77',
        invoiceDate: '2026-02-20',
        transportCost: '800.00',
        insuranceCost: '150.00',
        otherCosts: '50.00',
        isRelated: false,
        hasRestrictions: false,
        hasConditions: false,
        hasRoyalties: false,
        hasResaleProceeds: false,
        documents: [
          { typeCode: 'INVOICE', number: 'INV-77', date: '2026-02-20', sha256: docs.invoice },
          { typeCode: 'CONTRACT', number: 'C-2026/4', date: '2026-01-10', sha256: docs.contract },
        ],
      });
      // CUS-REG-11: customs asks electronically and decides in writing (sent, then delivered).
      const communications = `/api/customs/declarations/${filed.id}/value-communications`;
      await officer('POST', communications, {
        kind: 'documents_request',
        channel: 'electronic',
        subject: 'Нархномаи фурӯшанда',
        body: 'Пешниҳод кунед нархномаи фурӯшандаро',
        documents: [],
        answerDueOn: dushanbeDay(3),
      });
      const sentAt = new Date(Date.now() - 3 * 3600_000).toISOString();
      const deliveredAt = new Date(Date.now() - 3600_000).toISOString();
      await officer('POST', communications, {
        kind: 'value_decision',
        channel: 'written',
        subject: 'Қарор оид ба ислоҳи арзиш',
        body: 'Арзиши гумрукӣ аз рӯи усули 1 ислоҳ карда шуд',
        decision: 'adjusted',
        documents: [],
        sentAt,
        deliveredAt,
      });
      // CUS-DEC-20: the result of the tests of samples, recorded against the expertise order.
      const controlled = await officer<{ controlEvents: { id: string; kind: string }[] }>('POST', `/api/customs/declarations/${filed.id}/control-events`, {
        kind: 'expertise_ordered',
        note: 'art.424',
      });
      const expertise = controlled.controlEvents.find((e) => e.kind === 'expertise_ordered');
      await officer('POST', `/api/customs/declarations/${filed.id}/lab-results`, {
        controlEventId: expertise?.id,
        laboratory: 'Лабораторияи марказии гумрукӣ',
        reportNumber: 'ЛБ-0042',
        reportedOn: dushanbeDay(),
        items: [2],
        conclusion: 'does_not_conform',
        findings: 'Намуна шакари қамиш нест: таркиби сахароза 91 %',
      });

      const { context, page, errors } = await newPage();
      await login(page, BROKER, PASSWORD);
      await page.goto(`${server.url}/customs/declarations/${filed.id}`);
      await page.getByTestId('declaration-number').getByText(filed.number).waitFor();

      const value = page.getByTestId('value-panel');
      await value.getByRole('heading', { name: 'Арзиши гумрукӣ' }).waitFor();
      await value.locator('[data-testid=value-form-row][data-version="1"]').waitFor();
      assert.equal(await value.getByTestId('value-form-source').getAttribute('data-source'), 'separate');
      await value.getByTestId('value-form-row').getByText('Алоҳида, баъд аз супоридан').waitFor();
      const electronic = value.locator('[data-testid=value-communication][data-channel=electronic][data-kind=documents_request]');
      await electronic.getByText('Дархости ҳуҷҷатҳо').waitFor();
      assert.match((await electronic.getByTestId('value-delivered-at').textContent()) ?? '', /^Расонида шуд: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
      const written = value.locator('[data-testid=value-communication][data-channel=written][data-kind=value_decision]');
      await written.getByText('Хаттӣ').waitFor();
      await written.getByTestId('value-decision').getByText('Арзиш ислоҳ шуд').waitFor();
      const local = (iso: string) => {
        const p = new Date(new Date(iso).getTime() + 5 * 3600_000).toISOString();
        return `${p.slice(8, 10)}.${p.slice(5, 7)}.${p.slice(0, 4)} ${p.slice(11, 16)}`;
      };
      assert.equal(((await written.getByTestId('value-sent-at').textContent()) ?? '').trim(), `Фиристода шуд: ${local(sentAt)}`);
      assert.equal(((await written.getByTestId('value-delivered-at').textContent()) ?? '').trim(), `Расонида шуд: ${local(deliveredAt)}`);

      const samples = page.getByTestId('samples-panel');
      const result = samples.locator('[data-testid=lab-result][data-conclusion=does_not_conform]');
      await result.getByText('Мувофиқ нест').waitFor();
      await result.getByText('Хулоса № ЛБ-0042', { exact: false }).waitFor();
      await result.getByText('таркиби сахароза 91 %', { exact: false }).waitFor();
      assert.equal(await samples.getByTestId('sample-grant').count(), 0, 'the declarant decides nothing');

      // CUS-REL-08: the accepted undertaking is open; the declarant fulfils it with this declaration.
      const undertakings = page.getByTestId('undertakings-panel');
      const open = undertakings.locator(`[data-testid=undertaking][data-number="${given.number}"][data-state=ACCEPTED]`);
      await open.getByTestId('undertaking-period').getByText('Мӯҳлат: 30 рӯз', { exact: false }).waitFor();
      await open.getByTestId('undertaking-fulfil').click();
      const done = undertakings.locator(`[data-testid=undertaking][data-number="${given.number}"][data-state=FULFILLED]`);
      await done.getByText('Иҷро шуд', { exact: true }).first().waitFor();
      await done.getByTestId('undertaking-period').waitFor();
      assert.equal(await page.getByTestId('officer-actions').count(), 0);
      await shot(page, '95-customs-value-samples-tg');

      await page.getByTestId('language-switch').getByText('Eng', { exact: true }).click();
      await value.getByRole('heading', { name: 'Customs value' }).waitFor();
      await written.getByText('Value adjusted').waitFor();
      await samples.getByText('Results of tests of samples').waitFor();
      await done.getByText('Period: 30 days', { exact: false }).waitFor();
      await shot(page, '96-customs-value-samples-en');

      assert.deepEqual(errors, []);
      await context.close();
    });

    test('CUS-DEC-18: the declarant asks permission to take samples on its import draft; the officer grants it on the declaration page and the declarant sees it granted', {
      timeout: 180_000,
    }, async () => {
      const id = await draft(importDeclaration(docs));
      const { context, page, errors } = await newPage();
      await login(page, BROKER, PASSWORD);
      await page.goto(`${server.url}/customs/declarations/${id}`);
      await page.getByTestId('declaration-editor').waitFor();
      await page.getByTestId('action-ask-samples').click();
      const form = page.getByTestId('sample-form');
      await form.locator('input[name=sample-purpose]').fill('Санҷиши лабораторӣ');
      assert.equal(await form.locator('input[name=sample-code]').inputValue(), '8517130000', 'the first item’s code is offered');
      await form.locator('input[name=sample-quantity]').fill('2');
      await form.locator('button[type=submit]').click();
      await form.waitFor({ state: 'detached' });
      const asked = page.locator('[data-testid=sample-permission][data-state=REQUESTED]');
      await asked.getByText('Дархост шуд').waitFor();
      const number = await asked.getAttribute('data-number');
      assert.match(number ?? '', /^SP-\d{4}-\d{6}$/);

      const desk = await newPage();
      await login(desk.page, officerLogin.login, officerLogin.password);
      await desk.page.goto(`${server.url}/customs/declarations/${id}`);
      const row = desk.page.locator(`[data-testid=sample-permission][data-number="${number}"]`);
      await row.getByTestId('sample-grant').click();
      await desk.page.getByTestId('sample-decision-form').locator('button[type=submit]').click();
      await desk.page.locator(`[data-testid=sample-permission][data-number="${number}"][data-state=GRANTED]`).waitFor();
      assert.equal(await desk.page.getByTestId('sample-grant').count(), 0, 'decided once');
      errors.push(...desk.errors);
      await desk.context.close();

      await page.reload();
      await page.locator(`[data-testid=sample-permission][data-number="${number}"][data-state=GRANTED]`).getByText('Иҷозат дода шуд').waitFor();
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('CUS-DEC-75, CUS-DEC-29: the declarant asks simplified export from its export declaration (a wrong period refused with its localised message and code) and sees customs’ refusal with the conditions; the officer records the exit of the released export at a border office', {
      timeout: 240_000,
    }, async () => {
      const id = await draft(exportData('CMR-E1'));
      const { context, page, errors } = await newPage();
      await login(page, BROKER, PASSWORD);
      await page.goto(`${server.url}/customs/declarations/${id}`);
      await page.getByTestId('declaration-editor').waitFor();
      await page.getByTestId('action-ask-simplified').click();
      const form = page.getByTestId('simplified-form');
      assert.equal(await form.locator('input[name=simplified-codes]').inputValue(), '8517130000, 1701999000');
      await form.locator('select[name=simplified-procedure]').selectOption('incomplete');
      await form.locator('input[name=simplified-from]').fill(dushanbeDay(2));
      await form.locator('input[name=simplified-to]').fill(dushanbeDay(1));
      await form.locator('textarea[name=simplified-reason]').fill('Нархи ниҳоӣ баъд аз интиқол маълум мешавад');
      await form.locator('button[type=submit]').click();
      const problem = form.getByTestId('problem');
      await problem.getByText('SIMPLIFIED_PERIOD_INVALID', { exact: false }).waitFor();
      await form.locator('input[name=simplified-to]').fill(dushanbeDay(90));
      await form.locator('button[type=submit]').click();
      await form.waitFor({ state: 'detached' });
      const asked = page.locator('[data-testid=simplified-request][data-state=REQUESTED]');
      await asked.getByText('Эъломияи нопурра (моддаи 135)').waitFor();
      const number = (await asked.getAttribute('data-number')) ?? '';
      assert.match(number, /^SE-\d{4}-\d{6}$/);

      await officer('POST', `/api/customs/simplified-requests/${number}/decision`, {
        decision: 'refuse',
        reason: 'Нархи шартнома маълум аст',
        conditions: 'Шартномаи нархи ниҳоиро пешниҳод кунед',
      });
      await page.reload();
      const refused = page.locator(`[data-testid=simplified-request][data-number="${number}"][data-state=REFUSED]`);
      await refused.getByText('Рад шуд').waitFor();
      await refused.getByTestId('simplified-conditions').getByText('Шартномаи нархи ниҳоиро пешниҳод кунед', { exact: false }).waitFor();
      await shot(page, '97-customs-simplified-tg');

      // The export filed and released (green lane, nothing to pay); the border office records its exit.
      const filed = await file(id);
      await server.c.worker.runOnce();
      const desk = await newPage();
      await login(desk.page, officerLogin.login, officerLogin.password);
      await desk.page.goto(`${server.url}/customs/declarations/${id}`);
      await desk.page.locator('[data-testid=declaration-state][data-state=RELEASED]').waitFor();
      await desk.page.getByTestId('action-record-exit').click();
      const exit = desk.page.getByTestId('exit-form');
      await exit.locator('select[name=exit-office] option[value=PANJI-POYON]').waitFor({ state: 'attached' });
      await exit.locator('select[name=exit-office]').selectOption('PANJI-POYON');
      assert.equal(await exit.locator('input[name=exit-vehicles]').inputValue(), '01 TJ 1234 AA');
      await exit.locator('button[type=submit]').click();
      await exit.waitFor({ state: 'detached' });
      await desk.page.locator('[data-testid=exit-record][data-office=PANJI-POYON]').waitFor();
      assert.equal(await desk.page.getByTestId('action-record-exit').count(), 0);
      const recorded = await officer<{ declarationNumber: string; officeCode: string }[]>(
        'GET',
        `/api/customs/exits?declarationNumber=${encodeURIComponent(filed.number)}`,
      );
      assert.deepEqual(
        recorded.map((r) => [r.declarationNumber, r.officeCode]),
        [[filed.number, 'PANJI-POYON']],
      );
      await shot(desk.page, '98-customs-exit-tg');
      errors.push(...desk.errors);
      await desk.context.close();

      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
