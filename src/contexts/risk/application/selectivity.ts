/**
 * The outbox handlers of selectivity (art.399 p.2-3, p.5; CUS-CTL-02, 03, 05; CUS-RMS-17, 18;
 * CUS-PI-02): every registered declaration and every registered preliminary information is assessed
 * automatically. A declaration's lane goes back to customs in the same transaction: yellow and red
 * put it under control, green and blue let the system release it once paid, with no officer.
 */
import type { EventHandler } from '../../../platform/outbox.ts';
import type { RiskDeps } from './deps.ts';
import { assessSubject } from './assess-subject.ts';

export function selectivityHandlers(
  deps: RiskDeps,
  topics: { readonly declarationRegistered: string; readonly preliminaryRegistered: string },
): EventHandler[] {
  return [
    {
      name: 'risk.assess-declaration',
      topic: topics.declarationRegistered,
      handle: async (tx, event) => {
        const { declarationId } = event.payload as { declarationId: string };
        const facts = await deps.customs.declarationFacts(tx, declarationId);
        if (!facts) return;
        const now = deps.clock.now();
        const { decision, isNew } = await assessSubject(deps, tx, facts, now);
        if (!isNew) return;
        const applied = await deps.customs.applyLane(tx, declarationId, {
          lane: decision.lane,
          measures: decision.measures,
          basis: decision.basis,
          decisionId: decision.id,
          at: now,
          actor: 'system:risk',
        });
        // Only a vanished declaration is refused here; the worker retries and reports it.
        if (!applied.ok) throw new Error(`customs refused the lane of ${declarationId}: ${applied.error.code}`);
      },
    },
    {
      name: 'risk.assess-preliminary',
      topic: topics.preliminaryRegistered,
      handle: async (tx, event) => {
        const { preliminaryId } = event.payload as { preliminaryId: string };
        const facts = await deps.customs.preliminaryFacts(tx, preliminaryId);
        if (facts) await assessSubject(deps, tx, facts, deps.clock.now());
      },
    },
  ];
}
