import { Accordion, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { formatDate, localised } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { useLang, useSession } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { lineMatches, loadCatalogue, type ServiceLine } from './model.ts';

/** The discreet mark of a value taken from an adjacent merged cell of the seed (spec †, A-1). */
export function Inferred({ isInferred }: { isInferred: boolean }) {
  const { t } = useTranslation();
  if (!isInferred) return null;
  return (
    <Tooltip label={t('svc.standard.inferred')} multiline w={320} withArrow>
      <Text span c="dimmed" size="sm" ml={4} style={{ cursor: 'help' }} tabIndex={0} aria-label={t('svc.standard.inferred')} data-testid="inferred">
        †
      </Text>
    </Tooltip>
  );
}

function Attr({ label, children, inferred = false }: { label: string; children: ReactNode; inferred?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
        <Inferred isInferred={inferred} />
      </Text>
    </Stack>
  );
}

/** Where "request this service" leads for the reader's role. */
function useRequestHref(): (key: string) => string {
  const { role } = useSession();
  return (key) => {
    const q = `?service=${encodeURIComponent(key)}`;
    if (role === 'taxpayer' || role === 'business') return `/my/services/new${q}`;
    if (role === 'tax_officer' || role === 'service_officer') return `/services/register${q}`;
    return `/login?next=${encodeURIComponent(`/my/services/new${q}`)}`;
  };
}

function LineCard({ line }: { line: ServiceLine }) {
  const { t } = useTranslation();
  const lang = useLang();
  const href = useRequestHref();
  const cost = line.cost.value;
  return (
    <Card withBorder radius="md" padding="md" component="article" data-testid={`service-${line.key}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <Badge variant="outline" color="gray" ff="monospace" style={{ flexShrink: 0 }}>
              {line.code}
              {line.variant ? ` ${line.variant}` : ''}
            </Badge>
            <Title order={3} fz={16} fw={600} lh={1.35}>
              {localised(line.name, lang)}
            </Title>
          </Group>
          {line.electronic && (
            <Badge variant="light" color="teal" style={{ flexShrink: 0 }}>
              {t('svc.standard.electronic')}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
          <Attr label={t('svc.standard.deadline')}>
            <Text span fw={600} size="sm">
              {localised(line.deadlineText, lang)}
            </Text>
            {lang !== 'tg' && line.deadlineText.tg && (
              <Text size="xs" c="dimmed" lang="tg" title={t('svc.standard.original')}>
                {line.deadlineText.tg}
              </Text>
            )}
          </Attr>
          <Attr label={t('svc.standard.result')}>{localised(line.result.text, lang)}</Attr>
          <Attr label={t('svc.standard.cost')} inferred={line.cost.inferred}>
            {cost.kind === 'free' ? t('svc.standard.free') : cost.kind === 'paid' ? t('svc.standard.paid') : t('svc.standard.notStated')}
            {cost.note ? (
              <Text span size="xs" c="dimmed">
                {' '}
                ({localised(cost.note, lang)})
              </Text>
            ) : null}
          </Attr>
          <Attr label={t('svc.standard.unit')} inferred={line.responsibleUnit.inferred}>
            {localised(line.responsibleUnit.value, lang)}
          </Attr>
          <Attr label={t('svc.standard.legalBasis')} inferred={line.legalBasis.inferred}>
            {localised(line.legalBasis.value, lang) || t('svc.standard.notStated')}
          </Attr>
        </SimpleGrid>
        <Group justify="flex-end">
          <Button component={Link} to={href(line.key)} size="xs" variant="subtle">
            {t('svc.standard.request')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The Standard in force, open to everyone (order 396 p.3, TS-03, TS-08): 12 groups, 59 deadline lines. */
export function StandardPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [q, setQ] = useState('');
  const catalogue = useApi(loadCatalogue, []);
  const groups = catalogue.data?.groups ?? [];
  const [open, setOpen] = useState<string[] | null>(null);
  const visible = useMemo(() => (catalogue.data?.lines ?? []).filter((l) => lineMatches(l, q)), [catalogue.data, q]);
  const openGroups = q.trim() ? groups.map((g) => g.code) : (open ?? groups.map((g) => g.code));
  const v = catalogue.data?.version;
  return (
    <Stack maw={1200}>
      <PageHeader
        title={t('svc.standard.title')}
        subtitle={v ? t('svc.standard.version', { order: v.orderRef, from: formatDate(v.effectiveFrom, lang) }) : undefined}
      />
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <TextInput
          label={t('action.search')}
          placeholder={t('svc.standard.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 420 }}
          type="search"
          data-testid="standard-search"
        />
        <Group gap="xs">
          <Text size="sm" c="dimmed" data-testid="standard-count">
            {t('svc.standard.count', { count: visible.length, total: catalogue.data?.lines.length ?? 0 })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('svc.standard.inferredLegend')}
          </Text>
        </Group>
      </Group>
      <Loadable state={catalogue}>
        {(data) => (
          <Stack gap="xs">
            {!q.trim() && (
              <Group gap="xs">
                <Button size="xs" variant="subtle" onClick={() => setOpen(data.groups.map((g) => g.code))}>
                  {t('svc.standard.expandAll')}
                </Button>
                <Button size="xs" variant="subtle" onClick={() => setOpen([])}>
                  {t('svc.standard.collapseAll')}
                </Button>
              </Group>
            )}
            <Accordion multiple value={openGroups} onChange={setOpen} variant="separated" radius="md" data-testid="standard">
              {data.groups.map((g) => {
                const lines = visible.filter((l) => l.group === g.code);
                if (lines.length === 0) return null;
                return (
                  <Accordion.Item key={g.code} value={g.code}>
                    <Accordion.Control>
                      <Group gap="sm" wrap="nowrap">
                        <Text ff="monospace" c="dimmed" size="sm">
                          {g.code}
                        </Text>
                        <Text fw={700}>{localised(g.name, lang)}</Text>
                        <Badge variant="light" color="gray" size="sm">
                          {lines.length}
                        </Badge>
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      <Stack gap="sm">
                        {lines.map((l) => (
                          <LineCard key={l.key} line={l} />
                        ))}
                      </Stack>
                    </Accordion.Panel>
                  </Accordion.Item>
                );
              })}
            </Accordion>
            {visible.length === 0 && (
              <Text c="dimmed" ta="center" py="lg">
                {t('state.nothingFound')}
              </Text>
            )}
          </Stack>
        )}
      </Loadable>
    </Stack>
  );
}
