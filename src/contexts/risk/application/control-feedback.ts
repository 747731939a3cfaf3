/**
 * Feedback (art.429(2) p.1 i.1, i.8-9; CUS-RMS-20): the result of every control and audit customs
 * records comes back here. It is kept with the decision that chose the control, marks the stored
 * subject found or not (what simulations and the statistics count), and a violation joins the
 * trader's facts, which the `trader.violations` indicator reads for the next declarations.
 */
import { eq } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import type { EventHandler } from '../../../platform/outbox.ts';
import type { ControlResultEvent } from '../domain/model.ts';
import { controlResults, decisions } from '../infrastructure/schema.ts';
import type { RiskDeps } from './deps.ts';
import { recordControlResult } from './facts-store.ts';
import { recordFoundViolation } from './trader-facts.ts';

const isUuid = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s);

export function controlFeedbackHandler(deps: RiskDeps, topic: string): EventHandler {
  return {
    name: 'risk.control-feedback',
    topic,
    handle: async (tx, event) => {
      const e = event.payload as ControlResultEvent;
      if (!isUuid(e.subjectId)) throw new Error(`control result ${event.id} names no subject`);
      const [decision] = e.subjectKind === 'audit' ? [] : await tx.select({ id: decisions.id }).from(decisions).where(eq(decisions.subjectId, e.subjectId));
      const at = new Date(e.at);
      const inserted = await tx
        .insert(controlResults)
        .values({
          eventId: event.id,
          decisionId: decision?.id ?? null,
          subjectKind: e.subjectKind,
          subjectId: e.subjectId,
          traderCode: e.traderCode,
          isViolationFound: e.isViolationFound,
          findings: e.findings.slice(0, 2000),
          additionalDirams: BigInt(Math.max(0, Math.trunc(e.additionalDirams))),
          source: e.source,
          at,
        })
        .onConflictDoNothing()
        .returning({ id: controlResults.eventId });
      if (inserted.length === 0) return;
      if (decision) await recordControlResult(tx, e.subjectId, e.isViolationFound);
      if (e.isViolationFound)
        await recordFoundViolation(tx, {
          traderCode: e.traderCode,
          subjectId: e.subjectId,
          findings: e.findings,
          source: e.source,
          day: dushanbeDate(at),
          at: deps.clock.now(),
        });
    },
  };
}
