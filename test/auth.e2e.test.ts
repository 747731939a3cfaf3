import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from './app.ts';
import { testTargets } from './db.ts';
import { makeBusiness } from './fiscal-factories.ts';

for (const target of testTargets()) {
  describe(`accounts and sessions [${target}]`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await startTestApp(target);
      admin = await t.as('operator_admin');
    });
    after(() => t.close());

    test('FIS-ACC-01: a business enters its cabinet with TIN and PIN; the secret is stored only as a scrypt hash', async () => {
      const officer = await t.as('tax_officer');
      const business = await makeBusiness(t, officer);
      const wrong = await t.anon.post('/api/auth/login', { login: business.tin, secret: '000000' });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.code, 'INVALID_CREDENTIALS');
      const right = await t.anon.post('/api/auth/login', { login: business.tin, secret: '123456' });
      assert.equal(right.status, 200);
      assert.match(String(right.headers['set-cookie']), /bekogaz_session=.+; Path=\/; HttpOnly; SameSite=Lax/);
      assert.equal(right.body.principal.tin, business.tin);
      const stored = await t.db.query<{ secret_hash: string }>('SELECT secret_hash FROM platform.accounts WHERE login = $1', [business.tin]);
      assert.match(stored[0]!.secret_hash, /^scrypt\$16384\$8\$1\$/);
      assert.ok(!stored[0]!.secret_hash.includes('123456'));
      // The cookie works as well as the bearer token.
      const cookie = String(right.headers['set-cookie']).split(';')[0] as string;
      const me = await t.anon.get('/api/auth/me', { cookie });
      assert.equal(me.body.login, business.tin);
    });

    test('five wrong PINs lock the account for 15 minutes; logout ends the session', async () => {
      const officer = await t.as('tax_officer');
      const business = await makeBusiness(t, officer);
      for (let i = 0; i < 5; i++) await t.anon.post('/api/auth/login', { login: business.tin, secret: '999999' });
      const locked = await t.anon.post('/api/auth/login', { login: business.tin, secret: '123456' });
      assert.equal(locked.status, 429);
      assert.equal(locked.body.code, 'ACCOUNT_LOCKED');
      t.clock.advance(16 * 60_000);
      const cabinet = await t.login(business.tin, '123456');
      assert.equal((await cabinet.get('/api/auth/me')).status, 200);
      assert.equal((await cabinet.post('/api/auth/logout')).status, 204);
      assert.equal((await cabinet.get('/api/auth/me')).status, 401);
      t.clock.set('2026-03-02T05:00:00Z');
    });

    test('a changed password replaces the old one; the language choice is remembered for errors', async () => {
      const user = await t.as('tax_officer', { login: 'officer.change' });
      const changed = await user.post('/api/auth/password', { current: 'secret-123456', next: 'new-secret-7' });
      assert.equal(changed.status, 204);
      assert.equal((await t.anon.post('/api/auth/login', { login: 'officer.change', secret: 'secret-123456' })).status, 401);
      assert.equal((await t.anon.post('/api/auth/login', { login: 'officer.change', secret: 'new-secret-7' })).status, 200);
      const lang = await t.anon.put('/api/auth/language', { lang: 'en' });
      assert.match(String(lang.headers['set-cookie']), /bekogaz_lang=en/);
      const english = await t.anon.get('/api/auth/me', { cookie: 'bekogaz_lang=en' });
      assert.equal(english.body.title, 'Please log in');
      const russian = await t.anon.get('/api/auth/me', { 'accept-language': 'ru-RU,ru;q=0.9' });
      assert.equal(russian.body.title, 'Требуется вход в систему');
    });

    test('the operator administrator opens and closes staff accounts; nobody else can', async () => {
      const opened = await admin.post('/api/accounts', { role: 'tax_officer', login: 'saidova.m', displayName: 'Саидова Мавҷуда', password: 'officer-pass-1' });
      assert.equal(opened.status, 201, opened.text);
      const officer = await t.login('saidova.m', 'officer-pass-1');
      assert.equal((await officer.post('/api/accounts', { role: 'operator_admin', login: 'evil', displayName: 'x', password: 'xxxxxxxx' })).status, 403);
      const dup = await admin.post('/api/accounts', { role: 'tax_officer', login: 'saidova.m', displayName: 'x', password: 'xxxxxxxx' });
      assert.equal(dup.status, 409);
      assert.equal(dup.body.code, 'LOGIN_TAKEN');
      assert.equal((await admin.post(`/api/accounts/${opened.body.id}/deactivate`)).status, 204);
      assert.equal((await officer.get('/api/auth/me')).status, 401);
      assert.equal((await t.anon.post('/api/auth/login', { login: 'saidova.m', secret: 'officer-pass-1' })).status, 401);
    });
  });
}
