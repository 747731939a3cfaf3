import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase, testTargets } from '../../test/db.ts';
import { fixedClock } from './clock.ts';
import { createWorker, type EventHandler, pendingEvents, publish } from './outbox.ts';

for (const target of testTargets()) {
  describe(`outbox and worker [${target}]`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await createTestDatabase(target);
    });
    after(() => db.close());

    test('an event exists only if its transaction commits, is delivered once per handler, and a failing handler is retried with backoff', async () => {
      const clock = fixedClock('2026-03-02T05:00:00Z');
      const seen: string[] = [];
      let failures = 1;
      const handlers: EventHandler[] = [
        { name: 'a', topic: 't.Happened', handle: async (_tx, e) => void seen.push(`a:${(e.payload as { n: number }).n}`) },
        {
          name: 'b',
          topic: 't.Happened',
          handle: async (_tx, e) => {
            if (failures-- > 0) throw new Error('temporary');
            seen.push(`b:${(e.payload as { n: number }).n}`);
          },
        },
      ];
      const worker = createWorker({ database: db, clock, handlers, checkers: [] });
      await db.db.transaction((tx) => publish(tx, 't.Happened', { n: 1 }, clock.now()));
      await assert.rejects(
        db.db.transaction(async (tx) => {
          await publish(tx, 't.Happened', { n: 2 }, clock.now());
          throw new Error('business failure');
        }),
      );
      assert.equal(await pendingEvents(db.db), 1);
      const first = await worker.runOnce();
      assert.deepEqual(first, { delivered: 0, failed: 1, checked: 0 });
      assert.deepEqual(seen, ['a:1']);
      // Not yet due again: the backoff holds it.
      assert.deepEqual(await worker.runOnce(), { delivered: 0, failed: 0, checked: 0 });
      clock.advance(5_000);
      assert.deepEqual(await worker.runOnce(), { delivered: 1, failed: 0, checked: 0 });
      // Handler a did not run twice: its mark survived b's failure.
      assert.deepEqual(seen, ['a:1', 'b:1']);
      assert.equal(await pendingEvents(db.db), 0);
    });

    test('events claimed together commit together, except a failing handler’s own work, which rolls back alone and is retried', async () => {
      const clock = fixedClock('2026-03-03T05:00:00Z');
      const seen: number[] = [];
      let failNext = true;
      const worker = createWorker({
        database: db,
        clock,
        batchSize: 10,
        handlers: [
          {
            name: 'one',
            topic: 't.Batch',
            handle: async (tx, e) => {
              const n = (e.payload as { n: number }).n;
              // Each delivery leaves a trace in the same transaction: a follow-up event.
              await publish(tx, 't.Followed', { n }, clock.now());
              if (n === 2 && failNext) {
                failNext = false;
                throw new Error('temporary');
              }
              seen.push(n);
            },
          },
        ],
        checkers: [],
      });
      const followed = async () =>
        (await db.query<{ n: number }>(`SELECT (payload->>'n')::int AS n FROM platform.outbox WHERE topic = 't.Followed' ORDER BY 1`)).map((r) => r.n);
      for (const n of [1, 2, 3]) await db.db.transaction((tx) => publish(tx, 't.Batch', { n }, clock.now()));
      assert.deepEqual(await worker.runOnce(), { delivered: 2, failed: 1, checked: 0 });
      assert.deepEqual(seen, [1, 3]);
      // The failed handler’s follow-up rolled back with it; the others’ committed.
      assert.deepEqual(await followed(), [1, 3]);
      clock.advance(5_000);
      // The retry, with the follow-ups (a topic with no handler) of the first run.
      assert.deepEqual(await worker.runOnce(), { delivered: 3, failed: 0, checked: 0 });
      assert.deepEqual(seen, [1, 3, 2]);
      assert.deepEqual(await followed(), [1, 2, 3]);
      // Delivered once: after the last follow-up, nothing is left and no handler ran again.
      assert.deepEqual(await worker.runOnce(), { delivered: 1, failed: 0, checked: 0 });
      assert.deepEqual(await worker.runOnce(), { delivered: 0, failed: 0, checked: 0 });
      assert.deepEqual(seen, [1, 3, 2]);
      assert.equal(await pendingEvents(db.db), 0);
    });

    test('a delayed event waits for its time, and due-time checkers run on every tick', async () => {
      const clock = fixedClock('2026-03-02T05:00:00Z');
      let checks = 0;
      const seen: string[] = [];
      const worker = createWorker({
        database: db,
        clock,
        handlers: [{ name: 'late', topic: 't.Later', handle: async () => void seen.push('late') }],
        checkers: [{ name: 'c', run: async () => ++checks }],
      });
      await db.db.transaction((tx) => publish(tx, 't.Later', {}, clock.now(), new Date(clock.now().getTime() + 3_600_000)));
      await worker.runOnce();
      assert.deepEqual(seen, []);
      clock.advance(3_600_001);
      await worker.runOnce();
      assert.deepEqual(seen, ['late']);
      assert.equal(checks, 2);
    });
  });
}
