/**
 * Demo data of risk management: one active profile, written by one risk analyst and approved by
 * another (four eyes), that sends smartphones from China whose value per piece is below half the
 * demo reference price to the yellow lane (documentary check). The prices are placeholders.
 */
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { addCalendarDays, dushanbeDate } from '../../../platform/calendar/index.ts';
import type { RiskDeps } from './deps.ts';
import { importPrices } from './price-import.ts';
import { moveProfileVersion } from './profile-workflow.ts';
import { createProfile } from './profile-write.ts';

export async function seedRiskDemo(deps: RiskDeps, author: AccountPrincipal, approver: AccountPrincipal): Promise<void> {
  const now = deps.clock.now();
  const today = dushanbeDate(now);
  const prices = await importPrices(deps, author, {
    table: 'demo_phones',
    csv: `commodity_code,price,unit,valid_from,valid_to\n8517130000,1500,pce,${today},\n8471300000,4000,pce,${today},\n`,
  });
  if (!prices.ok) throw new Error(`demo prices: ${prices.error.code}`);
  const created = await createProfile(deps, author, {
    code: 'RP-DEMO-PHONES-CN',
    area: {
      tg: 'Паст нишон додани арзиши гумрукии смартфонҳо аз Чин (намуна)',
      ru: 'Занижение таможенной стоимости смартфонов из Китая (пример)',
      en: 'Undervalued smartphones from China (demo)',
    },
    categories: ['payment_evasion'],
    kind: 'potential',
    indicator: {
      op: 'all',
      of: [
        { op: 'prefix', field: 'item.commodityCode', values: ['8517'] },
        { op: 'in', field: 'item.originCountry', values: ['CN'] },
        { op: 'below_reference', table: 'demo_phones', ratio: 0.5 },
      ],
    },
    subjects: ['declaration'],
    lane: 'yellow',
    selectionPercent: 100,
    measures: ['documentary_check'],
    level: 3,
    validFrom: today,
    validTo: dushanbeDate(addCalendarDays(now, 365)),
  });
  if (!created.ok) throw new Error(`demo profile: ${created.error.code}`);
  for (const step of ['approve', 'activate'] as const) {
    const moved = await moveProfileVersion(deps, approver, created.value.id, 1, step);
    if (!moved.ok) throw new Error(`demo profile ${step}: ${moved.error.code}`);
  }
}
