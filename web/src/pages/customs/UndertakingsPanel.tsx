import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Operations } from '../../api/types.gen.ts';
import { formatDateTime } from '../../lib/format.ts';
import { type Role, useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import type { Detail } from './model.ts';
import { CustomsProblem } from './parts.tsx';

type Undertaking = Operations['GET /api/customs/undertakings']['response'][number];

const STATE_COLOR: Record<string, string> = { GIVEN: 'yellow', ACCEPTED: 'blue', REFUSED: 'red', OVERDUE: 'orange', FULFILLED: 'teal' };
/** States an undertaking may still be fulfilled from (art.150: accepted, or overdue and filed late). */
const OPEN = ['ACCEPTED', 'OVERDUE'];
const NOT_FILED = ['DRAFT', 'NOT_ACCEPTED'];

/**
 * Art.150 undertakings (docs/customs-exit-statistics.md, CUS-REL-08): those this declaration fulfilled,
 * with their period and due time, and, for the declarant, the accepted ones of the same direction it may
 * fulfil with this declaration.
 */
export function UndertakingsPanel({ d, role }: { d: Detail; role: Role }) {
  const { t } = useTranslation();
  const isDeclarant = role === 'declarant';
  // A declarant reads its own; customs reads the declarant's.
  const list = useApi(
    () => api('GET /api/customs/undertakings', { query: { limit: 200, ...(isDeclarant ? {} : { declarantCode: d.declarantCode }) } }),
    [d.id, d.state, isDeclarant],
  );
  const fulfil = useAction((number: string) =>
    d.number
      ? api('POST /api/customs/undertakings/{number}/fulfilment', { params: { number }, body: { declarationNumber: d.number } })
      : Promise.resolve(undefined),
  );
  const all = list.data ?? [];
  const mine = all.filter((u) => d.number !== null && u.declarationNumber === d.number);
  const mayFulfil = isDeclarant && d.number !== null && !NOT_FILED.includes(d.state);
  const open = mayFulfil ? all.filter((u) => OPEN.includes(u.state) && u.direction === d.direction) : [];
  if (mine.length === 0 && open.length === 0 && !list.error) return null;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="undertakings-panel">
      <Stack gap="sm">
        <Title order={3} fz={18}>
          {t('cusr.undertaking.title')}
        </Title>
        <CustomsProblem error={list.error ?? fulfil.error} />
        {mine.map((u) => (
          <UndertakingRow key={u.number} u={u} />
        ))}
        {open.length > 0 && (
          <>
            <Text fw={600} size="sm">
              {t('cusr.undertaking.open')}
            </Text>
            {open.map((u) => (
              <UndertakingRow key={u.number} u={u}>
                <Button
                  size="compact-sm"
                  variant="light"
                  loading={fulfil.isRunning}
                  onClick={async () => {
                    if (await fulfil.run(u.number)) list.reload();
                  }}
                  data-testid="undertaking-fulfil"
                >
                  {t('cusr.undertaking.fulfil')}
                </Button>
              </UndertakingRow>
            ))}
          </>
        )}
      </Stack>
    </Card>
  );
}

function UndertakingRow({ u, children }: { u: Undertaking; children?: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tx = t as unknown as (k: string) => string;
  return (
    <Stack gap={2} data-testid="undertaking" data-number={u.number} data-state={u.state}>
      <Group gap="xs">
        <Text size="sm" ff="monospace">
          {u.number}
        </Text>
        <Badge size="sm" variant="light" color={STATE_COLOR[u.state] ?? 'gray'}>
          {tx(`cusr.undertaking.state.${u.state}`)}
        </Badge>
        <Badge size="sm" variant="outline" color="gray">
          {tx(`cusr.value.channel.${u.channel}`)}
        </Badge>
        {u.isFulfilledLate && (
          <Badge size="sm" color="red" variant="light">
            {t('cusr.undertaking.late')}
          </Badge>
        )}
        {children}
      </Group>
      <Text size="sm" data-testid="undertaking-period">
        {t('cusr.undertaking.period', { days: u.periodDays, max: u.maxDays })}
      </Text>
      <Text size="xs" c="dimmed">
        {[
          u.releasedAt && `${t('cusr.undertaking.releasedAt')}: ${formatDateTime(u.releasedAt, lang)}`,
          u.dueAt && `${t('cusr.undertaking.dueAt')}: ${formatDateTime(u.dueAt, lang)}`,
          u.fulfilledAt && `${t('cusr.undertaking.fulfilledAt')}: ${formatDateTime(u.fulfilledAt, lang)}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Text size="xs" c="dimmed">
        {u.goodsDescription} · {u.commodityCodes.join(', ')}
        {u.transportDocument ? ` · ${u.transportDocument.typeCode} ${u.transportDocument.number}` : ''}
      </Text>
      {u.refusalReason && (
        <Text size="sm">
          {t('cusr.undertaking.refusalReason')}: {u.refusalReason}
        </Text>
      )}
    </Stack>
  );
}
