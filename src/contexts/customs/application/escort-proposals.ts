import type { Db } from '../../../platform/db.ts';
import { notify } from '../../../platform/notifications.ts';
import type { EventHandler } from '../../../platform/outbox.ts';
import { insertProposal, listProposals } from '../infrastructure/escort.repository.ts';
import type { CustomsDeps } from './deps.ts';

/**
 * The outbox topic on which risk management publishes each lane decision (the `risk` context's
 * RISK_TOPICS.decided; contexts share topic names, not code: escort.e2e.test.ts checks they agree).
 */
export const RISK_DECIDED_TOPIC = 'risk.lane_decided';

/** Its payload: { subjectKind, subjectId, lane, measures, decisionId }. */
type LaneDecided = {
  readonly subjectKind: string;
  readonly subjectId: string;
  readonly lane: string;
  readonly measures: readonly string[];
  readonly decisionId: string;
};

/**
 * CUS-CTL-09 (art.402(1) p.2 i.1, fifth indent), IMP-19: a risk decision whose measures include
 * escort is kept as a proposal and put before the officers, who decide the escort on it (the
 * decision names the RMS decision id). Repeated events change nothing.
 */
export function escortProposalHandler(deps: CustomsDeps): EventHandler {
  return {
    name: 'customs.escort-proposal-from-risk',
    topic: RISK_DECIDED_TOPIC,
    handle: async (tx: Db, event) => {
      const d = event.payload as LaneDecided;
      if (!Array.isArray(d.measures) || !d.measures.includes('escort') || typeof d.decisionId !== 'string') return;
      const now = deps.clock.now();
      const isNew = await insertProposal(tx, {
        decisionId: d.decisionId,
        subjectKind: String(d.subjectKind),
        subjectId: String(d.subjectId),
        lane: String(d.lane),
        measures: [...d.measures],
        receivedAt: now,
      });
      if (!isNew) return;
      const text = `${d.subjectKind} ${d.subjectId} (${d.lane}); RMS ${d.decisionId}`;
      await notify(tx, now, {
        recipient: { kind: 'role', id: 'customs_officer' },
        kind: 'escort_proposed',
        title: {
          tg: 'Низоми идораи таваккал мушоиятро пешниҳод мекунад',
          ru: 'СУР предлагает таможенное сопровождение',
          en: 'The RMS proposes customs escort',
        },
        body: { tg: text, ru: text, en: text },
        subject: { type: 'risk_decision', id: d.decisionId },
      });
    },
  };
}

/** The proposals received, newest first. */
export async function listEscortProposals(deps: CustomsDeps, limit = 50) {
  return (await listProposals(deps.database.db, limit)).map((p) => ({ ...p, receivedAt: p.receivedAt.toISOString() }));
}
