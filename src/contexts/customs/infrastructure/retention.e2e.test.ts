import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { type Harness, harness } from './filing.fixtures.ts';

for (const target of testTargets()) {
  describe(`originals kept after release [${target}]`, () => {
    let t: TestApp;
    let h: Harness;
    let released: { id: string; number: string };

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      h = await harness(t, 'ret');
    });
    after(() => t.close());

    const original = (number: string, over: Record<string, unknown> = {}) => ({
      declarationNumber: number,
      documentType: 'INVOICE',
      documentNumber: 'INV-77',
      documentDate: '2026-02-20',
      issuer: 'Shenzhen Trade Co',
      copySha256: h.docs.invoice,
      ...over,
    });

    test('CUS-REG-09: an original received after release is recorded with five years of retention from registration; every refusal', async () => {
      const pending = await h.registered(h.exportData('CMR-R0'));
      const early = await h.officer.post('/api/customs/retention', original(pending.number));
      assert.deepEqual([early.status, early.body.code], [409, 'RETENTION_NOT_AFTER_RELEASE']);
      await t.c.worker.runOnce();
      released = await h.released(h.exportData('CMR-R1'));
      assert.equal((await h.declarant.post('/api/customs/retention', original(released.number))).status, 403);
      const unknown = await h.officer.post('/api/customs/retention', original('DUSHANBE/020326/9999999'));
      assert.deepEqual([unknown.status, unknown.body.code], [422, 'RETENTION_DECLARATION_NOT_FOUND']);
      const type = await h.officer.post('/api/customs/retention', original(released.number, { documentType: 'NOPE' }));
      assert.deepEqual([type.status, type.body.code], [422, 'RETENTION_DOCUMENT_TYPE_UNKNOWN']);
      const copy = await h.officer.post('/api/customs/retention', original(released.number, { copySha256: 'a'.repeat(64) }));
      assert.deepEqual([copy.status, copy.body.code], [422, 'RETENTION_COPY_NOT_FOUND']);

      const kept = await h.officer.post('/api/customs/retention', original(released.number));
      assert.equal(kept.status, 201, kept.text);
      assert.deepEqual(
        [kept.body.declarationNumber, kept.body.registeredOn, kept.body.retainUntil, kept.body.copySha256, kept.body.returnedAt],
        [released.number, '2026-03-02', '2031-03-02', h.docs.invoice, null],
      );
      const notices = (await h.declarant.get('/api/notifications?limit=200')).body.items as { kind: string }[];
      assert.ok(notices.some((n) => n.kind === 'customs_original_received'));

      // Returned to the declarant, once; the record stays.
      const back = await h.officer.post(`/api/customs/retention/${kept.body.id}/return`, {
        returnedTo: 'А. Каримов, by power of attorney 12',
        method: 'in_person',
      });
      assert.equal(back.status, 200, back.text);
      assert.equal(back.body.returnedAt, '2026-03-02T05:00:00.000Z');
      assert.equal(back.body.returnMethod, 'in_person');
      const twice = await h.officer.post(`/api/customs/retention/${kept.body.id}/return`, { returnedTo: 'x', method: 'post' });
      assert.deepEqual([twice.status, twice.body.code], [409, 'RETENTION_ALREADY_RETURNED']);
      // The declarant sees its own; another declarant does not.
      const mine = await h.declarant.get(`/api/customs/retention?declarationNumber=${encodeURIComponent(released.number)}`);
      assert.deepEqual(
        mine.body.map((r: { id: string }) => r.id),
        [kept.body.id],
      );
      const stranger = await t.as('declarant', { tin: '030000303', login: 'stranger-ret' });
      assert.deepEqual((await stranger.get(`/api/customs/retention?declarationNumber=${encodeURIComponent(released.number)}`)).body, []);
      assert.equal((await stranger.get(`/api/customs/retention/${kept.body.id}`)).status, 404);
    });

    test('CUS-REG-09: nothing leaves retention before five years: the API refuses, the database refuses to delete the record or its copy', async () => {
      const [kept] = (await h.officer.get(`/api/customs/retention?declarationNumber=${encodeURIComponent(released.number)}`)).body;
      const early = await h.officer.post(`/api/customs/retention/${kept.id}/end`);
      assert.deepEqual([early.status, early.body.code, early.body.details.retainUntil], [409, 'RETENTION_PERIOD_NOT_OVER', '2031-03-02']);
      await assert.rejects(t.db.query('DELETE FROM customs.retention_documents WHERE id = $1', [kept.id]), /kept until 2031-03-02/);
      await assert.rejects(t.db.query(`UPDATE customs.retention_documents SET retain_until = '2026-03-03' WHERE id = $1`, [kept.id]));
      await assert.rejects(t.db.query('DELETE FROM customs.document_files WHERE sha256 = $1', [h.docs.invoice]), /retained copy/);
      const [still] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customs.retention_documents WHERE id = $1', [kept.id]);
      assert.equal(Number(still?.n), 1);
      // A record whose five years ended (registered in 2016) may go: the guard is the period, not a ban.
      const [old] = await t.db.query<{ id: string }>(
        `INSERT INTO customs.retention_documents (id, declaration_id, declaration_number, registered_on, retain_until, document_type, document_number, issuer, received_at, received_by)
         VALUES ('01930000-0000-7000-8000-00000000e001', $1, $2, '2016-01-10', '2021-01-10', 'CONTRACT', 'C-1', 'x', now(), 'test') RETURNING id`,
        [released.id, released.number],
      );
      await t.db.query('DELETE FROM customs.retention_documents WHERE id = $1', [old?.id]);
      // The five years are a CHECK: a shorter retention cannot be written.
      await assert.rejects(
        t.db.query(
          `INSERT INTO customs.retention_documents (id, declaration_id, declaration_number, registered_on, retain_until, document_type, document_number, issuer, received_at, received_by)
           VALUES ('01930000-0000-7000-8000-00000000e002', $1, $2, '2026-03-02', '2030-03-02', 'CONTRACT', 'C-1', 'x', now(), 'test')`,
          [released.id, released.number],
        ),
      );
    });

    test('CUS-REG-09: the listing of what is due to leave retention, and the end of retention once the five years are over', async () => {
      const [kept] = (await h.officer.get(`/api/customs/retention?declarationNumber=${encodeURIComponent(released.number)}`)).body;
      const ids = async (until: string) => (await h.officer.get(`/api/customs/retention/due?until=${until}`)).body.map((r: { id: string }) => r.id);
      assert.deepEqual(await ids('2031-03-01'), []);
      assert.deepEqual(await ids('2031-03-02'), [kept.id]);
      assert.deepEqual(await ids('2026-03-02'), [], 'default: today');
      assert.equal((await h.declarant.get('/api/customs/retention/due')).status, 403);
      t.clock.set('2031-03-02T18:00:00Z'); // 23:00 on the last day in Dushanbe
      await h.relogin();
      assert.equal((await h.officer.post(`/api/customs/retention/${kept.id}/end`)).body.code, 'RETENTION_PERIOD_NOT_OVER');
      assert.deepEqual(
        (await h.officer.get('/api/customs/retention/due')).body.map((r: { id: string }) => r.id),
        [kept.id],
      );
      t.clock.set('2031-03-02T19:00:00Z'); // 3 March in Dushanbe
      await h.relogin();
      const ended = await h.officer.post(`/api/customs/retention/${kept.id}/end`);
      assert.equal(ended.status, 200, ended.text);
      assert.equal(ended.body.endedAt, '2031-03-02T19:00:00.000Z');
      assert.deepEqual(await ids('2031-03-03'), []);
      assert.equal((await h.officer.post(`/api/customs/retention/${kept.id}/end`)).body.code, 'RETENTION_ALREADY_ENDED');
    });
  });
}
