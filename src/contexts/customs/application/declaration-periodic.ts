import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { EventHandler } from '../../../platform/outbox.ts';
import type { DeclarationState } from '../domain/declaration.ts';
import { declarations } from '../infrastructure/declaration.schema.ts';
import type { CustomsDeps } from './deps.ts';

type PeriodicEvent = { readonly applicationNumber: string; readonly declarationNumber: string | null; readonly reason?: string };

const RELEASED: DeclarationState[] = ['RELEASED', 'CONDITIONALLY_RELEASED'];

/**
 * Art.138 p.6-7 (CUS-DEC-83), art.149 p.6 (CUS-REL-07), catalog D21 and P11: periodic export goods
 * that did not leave in 6 months: the declarant withdraws the declaration, or customs annuls the
 * release. The periodic slice decides; the declaration follows here.
 */
export function periodicDeclarationHandlers(deps: CustomsDeps): EventHandler[] {
  const follow = (name: string, topic: string, to: 'WITHDRAWN' | 'RELEASE_ANNULLED'): EventHandler => ({
    name,
    topic,
    handle: async (tx, event) => {
      const { declarationNumber, applicationNumber } = event.payload as PeriodicEvent;
      if (!declarationNumber) return;
      const now = deps.clock.now();
      // A released declaration that is withdrawn has its release annulled (D21); one not yet released is withdrawn.
      const moves: [DeclarationState[], 'WITHDRAWN' | 'RELEASE_ANNULLED'][] =
        to === 'WITHDRAWN'
          ? [
              [['REGISTERED', 'UNDER_CONTROL'], 'WITHDRAWN'],
              [RELEASED, 'RELEASE_ANNULLED'],
            ]
          : [[RELEASED, 'RELEASE_ANNULLED']];
      const changed = [];
      for (const [from, state] of moves)
        changed.push(
          ...(await tx
            .update(declarations)
            .set({ state, withdrawnAt: now, annulledAt: state === 'RELEASE_ANNULLED' ? now : null, updatedAt: now })
            .where(and(eq(declarations.number, declarationNumber), inArray(declarations.state, from)))
            .returning({ id: declarations.id, state: declarations.state })),
        );
      for (const row of changed)
        await appendAudit(tx, now, {
          actor: 'system',
          action: `customs.declaration_${row.state.toLowerCase()}`,
          entity: 'customs.declaration',
          entityId: row.id,
          after: { applicationNumber },
        });
    },
  });
  return [
    follow('customs.periodic-release-annulled', 'customs.periodic_release_annulment_due', 'RELEASE_ANNULLED'),
    follow('customs.periodic-declaration-withdrawn', 'customs.periodic_declaration_withdrawn', 'WITHDRAWN'),
  ];
}
