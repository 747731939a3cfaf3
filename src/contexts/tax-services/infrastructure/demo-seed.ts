import { createAccount } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { ok } from '../../../platform/result.ts';
import type { TaxServicesDeps } from '../application/deps.ts';
import { completeRequest, openRequest, rejectRequest, suspendRequest } from '../application/requests.ts';
import type { Channel } from '../domain/types.ts';

const HOUR = 3_600_000;

/**
 * Demo data of the taxpayer services: a TSD officer (`tsd` / `tsd-demo-1`), a citizen with a
 * cabinet (`citizen` / `citizen-demo-1`, TIN 300000011 of the demo register), and forty requests of
 * the last weeks over several services, units and channels: on time, late, at risk, breached,
 * suspended and refused, so that the queue and the dashboard have something to show.
 */
export async function seedTaxServicesDemo(deps: TaxServicesDeps): Promise<void> {
  const db = deps.database.db;
  const now = deps.clock.now();
  await createAccount(db, { role: 'service_officer', login: 'tsd', secret: 'tsd-demo-1', displayName: 'Раёсати хизматрасонӣ: Ҳакимова Н.' }, now);
  await createAccount(db, { role: 'taxpayer', login: 'citizen', secret: 'citizen-demo-1', displayName: 'Раҳимов Фаридун', tin: '300000011' }, now);
  const plan: readonly (readonly [key: string, unit: string, channel: Channel, hoursAgo: number, outcome: 'done' | 'open' | 'refused' | 'suspended'])[] = [
    ['06.06.04', 'dushanbe-sino', 'cabinet', 30, 'done'],
    ['06.06.04', 'dushanbe-sino', 'cabinet', 6, 'open'],
    ['06.06.01', 'dushanbe-somoni', 'cabinet', 3, 'done'],
    ['01.01.05', 'dushanbe-sino', 'office', 20, 'open'],
    ['01.01.05', 'khujand', 'office', 30, 'open'],
    ['01.01.03', 'bokhtar', 'post', 10, 'done'],
    ['03.03.01', 'dushanbe-somoni', 'post', 200, 'open'],
    ['03.03.01', 'khujand', 'office', 400, 'done'],
    ['03.03.03', 'khorog', 'cabinet', 60, 'done'],
    ['03.03.05', 'vahdat', 'office', 120, 'open'],
    ['06.06.06', 'dushanbe-sino', 'post', 90, 'suspended'],
    ['07.07.01', 'bokhtar', 'post', 500, 'open'],
    ['07.07.02', 'dtae', 'cabinet', 760, 'open'],
    ['08.08.01', 'lttd', 'office', 50, 'done'],
    ['09.09.01c', 'khujand', 'cabinet', 100, 'done'],
    ['09.09.01e', 'dushanbe-sino', 'cabinet', 30, 'refused'],
    ['11.11.02', 'tsd', 'post', 300, 'open'],
    ['11.11.05', 'tsd', 'email', 140, 'open'],
    ['11.11.05', 'tsd', 'email', 80, 'done'],
    ['11.11.04', 'mbma', 'office', 150, 'done'],
    ['12.12.01', 'mbma', 'cabinet', 12, 'done'],
    ['12.12.01', 'mbma', 'cabinet', 40, 'open'],
    ['10.10.02', 'tsd', 'chat', 1, 'done'],
    ['11.11.03b', 'tsd', 'phone_151', 2, 'done'],
    ['05.05.06', 'mbma', 'cabinet', 5, 'done'],
  ];
  let n = 0;
  for (const [key, unitCode, channel, hoursAgo, outcome] of plan) {
    for (const copy of [0, 1]) {
      if (copy === 1 && n % 3 !== 0) continue;
      n += 1;
      const receivedAt = new Date(now.getTime() - (hoursAgo + copy * 5) * HOUR);
      await transact(db, async (tx) => {
        const opened = await openRequest(tx, deps, 'system:demo', {
          serviceKey: key,
          channel,
          applicant: { tin: n % 4 === 0 ? '300000022' : '300000011' },
          unitCode,
          receivedAt,
        });
        if (!opened.ok) return opened;
        if (outcome === 'done') return completeRequest(tx, deps, 'system:demo', opened.value.id, [], 'Иҷро шуд');
        if (outcome === 'refused') return rejectRequest(tx, deps, 'system:demo', opened.value.id, 'Ҳуҷҷатҳо ба талабот мувофиқ нестанд');
        if (outcome === 'suspended') return suspendRequest(tx, deps, 'system:demo', opened.value.id, 'Нусхаи шартномаро пешниҳод кунед');
        return ok(opened.value);
      });
    }
  }
}
