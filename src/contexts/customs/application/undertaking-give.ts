import { and, eq, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { rows, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { Direction } from '../domain/declaration.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import { periodExcess } from '../domain/undertaking.ts';
import { type UndertakingRow, undertakings } from '../infrastructure/exit-statistics.schema.ts';
import { offices } from '../infrastructure/schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { inForceOn } from './exit-queries.ts';
import { isCustoms, limitOn } from './undertaking-queries.ts';

export type UndertakingInput = {
  readonly channel: 'electronic' | 'written';
  /** A written undertaking is recorded by customs for the declarant it names; an electronic one is the declarant's own. */
  readonly declarantCode?: string;
  readonly officeCode: string;
  readonly direction: Direction;
  /** Calendar days from release within which the declaration is filed. */
  readonly periodDays: number;
  readonly transportDocument?: { readonly typeCode: string; readonly number: string };
  readonly commodityCodes: readonly string[];
  readonly goodsDescription: string;
};

/**
 * Art.150 p.2 as amended (CUS-REL-08, AMB-18): the declarant's undertaking to file the declaration
 * within a period of "no more than" the limit in force that day — given electronically by the
 * declarant, or in writing and recorded by customs. A longer period is refused with the limit.
 */
export async function giveUndertaking(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  input: UndertakingInput,
): Promise<Result<UndertakingRow, Failure<ExitErrorCode>>> {
  const byCustoms = isCustoms(actor);
  if (byCustoms !== (input.channel === 'written')) return fail('UNDERTAKING_CHANNEL_INVALID', 'body.channel');
  const declarant = byCustoms ? input.declarantCode : (actor.tin ?? undefined);
  if (!declarant || (!byCustoms && input.declarantCode !== undefined && input.declarantCode !== actor.tin))
    return fail('UNDERTAKING_CHANNEL_INVALID', 'body.declarantCode');
  const now = deps.clock.now();
  const day = dushanbeDate(now);
  return transact(deps.database.db, async (tx) => {
    const [office] = await tx
      .select({ code: offices.code })
      .from(offices)
      .where(and(eq(offices.code, input.officeCode), inForceOn(offices, day)));
    if (!office) return fail('UNDERTAKING_OFFICE_UNKNOWN', 'body.officeCode');
    const limit = await limitOn(tx, day);
    if (!limit) return fail('UNDERTAKING_NO_LIMIT', 'body.periodDays');
    if (periodExcess(input.periodDays, limit.maxDays) > 0)
      return fail('UNDERTAKING_PERIOD_TOO_LONG', 'body.periodDays', { maxDays: limit.maxDays, basis: limit.basis });
    const [serial] = await rows<{ n: string }>(tx, sql`SELECT nextval('customs.undertaking_serial')::text AS n`);
    const number = `UND-${day.slice(0, 4)}-${String(serial?.n ?? '0').padStart(6, '0')}`;
    const [row] = await tx
      .insert(undertakings)
      .values({
        id: uuidv7(now.getTime()),
        number,
        declarantCode: declarant,
        officeCode: input.officeCode,
        direction: input.direction,
        channel: input.channel,
        periodDays: input.periodDays,
        maxDays: limit.maxDays,
        transportDocumentType: input.transportDocument?.typeCode ?? null,
        transportDocumentNumber: input.transportDocument?.number ?? null,
        commodityCodes: [...input.commodityCodes],
        goodsDescription: input.goodsDescription,
        state: 'GIVEN',
        givenAt: now,
        givenBy: actorOf(actor),
      })
      .returning();
    if (!row) throw new Error('undertaking not recorded');
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.undertaking_given',
      entity: 'customs.undertaking',
      entityId: row.id,
      after: { number, channel: input.channel, periodDays: input.periodDays, maxDays: limit.maxDays },
    });
    if (!byCustoms)
      await notify(tx, now, {
        recipient: { kind: 'role', id: 'customs_officer' },
        kind: 'customs_undertaking_given',
        title: {
          tg: `Ӯҳдадории пешниҳоди декларатсия № ${number}`,
          ru: `Обязательство о подаче декларации № ${number}`,
          en: `Undertaking to file a declaration No ${number}`,
        },
        body: {
          tg: `Мӯҳлат: ${input.periodDays} рӯз аз барориш (м.150).`,
          ru: `Срок: ${input.periodDays} дн. с выпуска (ст.150).`,
          en: `Period: ${input.periodDays} days from release (art.150).`,
        },
        subject: { type: 'customs_undertaking', id: row.id },
      });
    return ok(row);
  });
}
