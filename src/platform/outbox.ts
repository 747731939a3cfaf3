import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { chainPendingAudit } from './audit.ts';
import type { Clock } from './clock.ts';
import type { Database, Db } from './db.ts';
import { uuidv7 } from './ids.ts';

const platform = pgSchema('platform');

export const outbox = platform.table('outbox', {
  id: uuid('id').primaryKey(),
  topic: text('topic').notNull(),
  payload: jsonb('payload').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  availableAt: timestamp('available_at', { withTimezone: true, mode: 'date' }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
});

const processedEvents = platform.table(
  'processed_events',
  {
    handler: text('handler').notNull(),
    eventId: uuid('event_id').notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.handler, t.eventId] })],
);

/** An event between contexts, as a handler receives it. */
export type OutboxEvent<P = unknown> = { readonly id: string; readonly topic: string; readonly payload: P; readonly createdAt: Date };

/**
 * Writes an event in the caller's transaction, so it exists if and only if the state change does.
 * `availableAt` delays delivery (a due-time check scheduled for later).
 */
export async function publish(tx: Db, topic: string, payload: unknown, at: Date, availableAt: Date = at): Promise<string> {
  const id = uuidv7(at.getTime());
  await tx.insert(outbox).values({ id, topic, payload, createdAt: at, availableAt });
  return id;
}

/** Reacts to one topic. Must tolerate repeats: the worker records the event id per handler. */
export type EventHandler = {
  readonly name: string;
  readonly topic: string;
  readonly handle: (tx: Db, event: OutboxEvent) => Promise<void>;
};

/** A periodic due-time check (overdue deadlines, expiring clocks); returns how many rows it touched. */
export type DueTimeChecker = { readonly name: string; readonly run: (db: Db, now: Date) => Promise<number> };

export type WorkerDeps = {
  readonly database: Database;
  readonly clock: Clock;
  readonly handlers: readonly EventHandler[];
  readonly checkers: readonly DueTimeChecker[];
  readonly batchSize?: number;
  /** How often the timer runs the due-time checkers (default 1 s); events are delivered on every tick. */
  readonly checkEveryMs?: number;
  readonly onError?: (what: string, error: unknown) => void;
};

export type WorkerTick = { readonly delivered: number; readonly failed: number; readonly checked: number };

const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Delivers pending outbox events to their handlers and runs the due-time checkers.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several workers can share the table.
 * Each handler runs in a savepoint: a failing handler is retried later with backoff while the
 * others' work (and their processed-event marks) stays.
 */
export function createWorker(deps: WorkerDeps) {
  const batchSize = deps.batchSize ?? 32;
  const checkEveryMs = deps.checkEveryMs ?? 1000;
  const report = deps.onError ?? (() => {});
  const timers: (NodeJS.Timeout | undefined)[] = [];
  const extra = new Set<Promise<unknown>>();
  let stopped = true;

  /** The handlers of each topic, looked up once per event instead of filtering the list. */
  const byTopic = new Map<string, EventHandler[]>();
  for (const h of deps.handlers) byTopic.set(h.topic, [...(byTopic.get(h.topic) ?? []), h]);

  /**
   * Claims up to `batchSize` due events in one transaction and delivers them in order, each handler in
   * a savepoint of its own: a failing handler rolls back only its own work (the event is retried
   * later with backoff) while the batch's other events commit. One claim, one update of the delivered
   * events and one commit per batch instead of per event (docs/benchmarks.md, bench/customs).
   * Handlers write the audit log through `appendAuditLater`, so a batch holds no lock on the chain.
   */
  async function deliverBatch(): Promise<{ delivered: number; failed: number; claimed: number }> {
    const now = deps.clock.now();
    return deps.database.db.transaction(async (tx) => {
      const events = await tx
        .select()
        .from(outbox)
        .where(and(isNull(outbox.deliveredAt), lte(outbox.availableAt, now)))
        .orderBy(asc(outbox.availableAt), asc(outbox.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      const delivered: string[] = [];
      let failed = 0;
      for (const event of events) {
        const error = await deliverOne(tx, event, now);
        if (error === undefined) {
          delivered.push(event.id);
          continue;
        }
        failed += 1;
        const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** event.attempts);
        await tx
          .update(outbox)
          .set({ attempts: event.attempts + 1, lastError: String(error).slice(0, 2000), availableAt: new Date(now.getTime() + backoff) })
          .where(eq(outbox.id, event.id));
      }
      if (delivered.length > 0)
        await tx
          .update(outbox)
          .set({ deliveredAt: now, attempts: sql`${outbox.attempts} + 1`, lastError: null })
          .where(inArray(outbox.id, delivered));
      return { delivered: delivered.length, failed, claimed: events.length };
    });
  }

  /**
   * Runs the event's handlers, each in a savepoint. With several handlers on a topic, each one's
   * processed mark (handler, event) commits with its work, so a retry after another handler failed
   * skips it. A topic's only handler needs no mark: its work commits in the same transaction as the
   * event's delivery, which the claim's row lock makes exclusive.
   */
  async function deliverOne(tx: Db, event: typeof outbox.$inferSelect, now: Date): Promise<unknown> {
    const handlers = byTopic.get(event.topic) ?? [];
    const isShared = handlers.length > 1;
    for (const handler of handlers) {
      try {
        await tx.transaction(async (sp) => {
          if (isShared) {
            const claimed = await sp
              .insert(processedEvents)
              .values({ handler: handler.name, eventId: event.id, processedAt: now })
              .onConflictDoNothing()
              .returning({ id: processedEvents.eventId });
            if (claimed.length === 0) return;
          }
          await handler.handle(sp, { id: event.id, topic: event.topic, payload: event.payload, createdAt: event.createdAt });
        });
      } catch (error) {
        report(`handler ${handler.name} on ${event.id}`, error);
        return error;
      }
    }
    return undefined;
  }

  let lastChecked = Number.NEGATIVE_INFINITY;
  /** Events on every tick; the due-time checkers at most every `checkEveryMs` of the timer (always on `runOnce`). */
  async function tick(isTimer = false): Promise<WorkerTick> {
    let delivered = 0;
    let failed = 0;
    try {
      while ((await chainPendingAudit(deps.database.db)) > 0);
    } catch (error) {
      report('audit chaining', error);
    }
    for (;;) {
      const batch = await deliverBatch();
      delivered += batch.delivered;
      failed += batch.failed;
      if (batch.claimed < batchSize) break;
    }
    let checked = 0;
    const at = performance.now();
    if (isTimer && at - lastChecked < checkEveryMs) return { delivered, failed, checked };
    lastChecked = at;
    for (const checker of deps.checkers) {
      try {
        checked += await checker.run(deps.database.db, deps.clock.now());
      } catch (error) {
        report(`checker ${checker.name}`, error);
      }
    }
    return { delivered, failed, checked };
  }

  // Ticks never overlap: the timer and explicit runOnce calls queue behind each other.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (isTimer = false): Promise<WorkerTick> => {
    const run = () => tick(isTimer);
    const next = queue.then(run, run);
    queue = next.catch(() => {});
    return next;
  };

  return {
    /** One pass: deliver everything due, then run the checkers. */
    runOnce: () => serial(false),
    /**
     * Runs on a timer. `loops` deliverers share the outbox (each event is claimed with SKIP LOCKED,
     * handlers are idempotent and lock what they change); the first also runs the checkers.
     */
    start(intervalMs: number, loops = 1) {
      stopped = false;
      for (let i = 0; i < Math.max(1, loops); i++) {
        const isFirst = i === 0;
        const loop = async () => {
          try {
            if (isFirst) await serial(true);
            else {
              const running = deliverBatch();
              extra.add(running);
              await running.finally(() => extra.delete(running));
            }
          } catch (error) {
            report('worker tick', error);
          }
          if (stopped) return;
          timers[i] = setTimeout(loop, intervalMs);
          timers[i]?.unref();
        };
        timers[i] = setTimeout(loop, 0);
        timers[i]?.unref();
      }
    },
    async stop() {
      stopped = true;
      for (const t of timers) if (t) clearTimeout(t);
      timers.length = 0;
      await Promise.allSettled([queue, ...extra]);
    },
  };
}

/** Number of events not yet delivered (health and tests). */
export async function pendingEvents(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(isNull(outbox.deliveredAt));
  return Number(row?.n ?? 0);
}
