import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deadline, RegisterApplication } from '../api/types.gen.ts';
import { formatDateTime, localised } from '../lib/format.ts';
import { useLang } from '../lib/session.tsx';

const APP_COLORS: Record<RegisterApplication['status'], string> = { received: 'blue', under_study: 'orange', completed: 'teal', refused: 'red' };

export function ApplicationStatusBadge({ status }: { status: RegisterApplication['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={APP_COLORS[status]} variant="light" data-testid="application-status" data-status={status}>
      {t(`appStatus.${status}`)}
    </Badge>
  );
}

export function RegisterStatusBadge({ status, isLost }: { status: 'registered' | 'deregistered'; isLost?: boolean }) {
  const { t } = useTranslation();
  if (isLost) return <Badge color="red">{t('regStatus.lost')}</Badge>;
  return (
    <Badge color={status === 'registered' ? 'teal' : 'gray'} variant="light">
      {t(`regStatus.${status}`)}
    </Badge>
  );
}

/** `p.22` → б.22 / п.22 / p.22; other references are shown as they are. */
export function useLegalRef(): (ref: string) => string {
  const { t } = useTranslation();
  return (ref) => ref.replace(/\bp\.(\d+)/g, (_, n: string) => t('time.point', { n }));
}

const UNITS = ['working_hours', 'working_days', 'hours', 'days', 'months'] as const;
type Unit = (typeof UNITS)[number];
const isUnit = (u: string): u is Unit => (UNITS as readonly string[]).includes(u);

/** "4 working hours", "1 рабочий день": the amount of a time limit with the right plural form. */
export function useUnitText(): (unit: string, count: number) => string {
  const { t } = useTranslation();
  const lang = useLang();
  return (unit, count) => {
    if (!isUnit(unit)) return `${count} ${unit}`;
    const rule = new Intl.PluralRules(lang === 'en' ? 'en' : lang === 'ru' ? 'ru' : 'tg').select(count);
    const form = rule === 'one' ? 'one' : rule === 'few' ? 'few' : 'many';
    return t(`time.unit.${unit}.${form}`, { count });
  };
}

/** "p.22, 4 working hours" in the interface language. */
export function useLimitText(): (d: Pick<Deadline, 'legalRef' | 'limit'>) => string {
  const legal = useLegalRef();
  const unitText = useUnitText();
  return (d) => `${legal(d.legalRef)}, ${unitText(d.limit.unit, d.limit.amount)}`;
}

/** A due time: red when overdue, with the legal reference and the length of the limit. */
export function DeadlineText({ deadline, withTitle = false }: { deadline: Deadline; withTitle?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const limit = useLimitText();
  const state = deadline.metAt ? (deadline.isMetLate ? 'metLate' : 'met') : deadline.isOverdue ? 'overdue' : 'open';
  const color = state === 'overdue' || state === 'metLate' ? 'red' : state === 'met' ? 'teal' : 'blue';
  return (
    <Stack gap={2} data-testid="deadline" data-overdue={deadline.isOverdue ? 'true' : 'false'}>
      {withTitle && (
        <Text fw={600} size="sm">
          {localised(deadline.title, lang)}
        </Text>
      )}
      <Group gap={6} wrap="wrap">
        <Text size="sm" className={deadline.isOverdue ? 'overdue' : undefined}>
          {formatDateTime(deadline.dueAt, lang)}
        </Text>
        <Tooltip label={t('time.zone')}>
          <Badge size="xs" variant={state === 'overdue' ? 'filled' : 'light'} color={color}>
            {t(`time.${state}`)}
          </Badge>
        </Tooltip>
      </Group>
      <Text size="xs" c={deadline.isOverdue ? 'red.7' : 'dimmed'}>
        {limit(deadline)}
      </Text>
    </Stack>
  );
}
