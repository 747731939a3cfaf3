import { Button, Card, Grid, Group, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { Link, navigate } from '../../lib/router.tsx';
import { type Role, useLang, useSession } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { useNow } from '../services/parts.tsx';
import { CustomsModal } from './CustomsModal.tsx';
import { Editor } from './Editor.tsx';
import { type Detail, emptyData, isBeforeRelease, mayWithdraw, releaseClock } from './model.ts';
import { OfficerPanel } from './OfficerPanel.tsx';
import { Assessment, ClockText, Field, StateBadge, useCustomsText } from './parts.tsx';
import { SamplesPanel } from './SamplesPanel.tsx';
import { hasKeyFiles, KeyFileInputs, type KeyFiles, NO_FILES, useSign } from './SignPanel.tsx';
import { SimplifiedPanel } from './SimplifiedPanel.tsx';
import { DeclarationTimeline, RequestList } from './Timeline.tsx';
import { UndertakingsPanel } from './UndertakingsPanel.tsx';
import { ValuePanel } from './ValuePanel.tsx';

/** The live status is asked again this often, and whenever the window regains focus. */
const POLL_MS = 5_000;

/**
 * One declaration. A new one and a draft open in the declarant's editor; once filed, the page shows
 * the number, the assessment and the live status with its history; the declarant asks to change or
 * withdraw it, customs acts on it.
 */
export function DeclarationPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { principal, role } = useSession();
  const isDeclarant = role === 'declarant';
  const [mode, setMode] = useState<'edit' | 'view' | 'amend'>();
  const [fresh, setFresh] = useState<Detail>();
  const loaded = useApi(() => (id ? api('GET /api/customs/declarations/{id}', { params: { id } }) : Promise.resolve(undefined)), [id]);
  const { reload } = loaded;
  const d = fresh ?? loaded.data;
  const current = mode ?? (id === undefined ? 'edit' : d ? (d.state === 'DRAFT' && isDeclarant ? 'edit' : 'view') : undefined);

  // A newer answer from the server replaces what an action returned.
  useEffect(() => {
    if (loaded.data) setFresh(undefined);
  }, [loaded.data]);
  // Live status (CUS-DEC-02): polled while shown, and refetched when the user comes back to the tab.
  useEffect(() => {
    if (current !== 'view') return;
    const timer = window.setInterval(reload, POLL_MS);
    window.addEventListener('focus', reload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', reload);
    };
  }, [current, reload]);

  const back = isDeclarant ? '/customs/declarations' : '/customs/queue';
  const title = d?.number ? t('cus.title.detail', { number: d.number }) : id ? t('cus.title.draft') : t('cus.title.new');
  return (
    <Stack maw={1200}>
      <PageHeader
        title={<span data-testid="declaration-title">{title}</span>}
        actions={
          <Button variant="default" component={Link} to={back}>
            {t('cus.action.back')}
          </Button>
        }
      />
      {current === 'edit' || current === 'amend' ? (
        <Editor
          id={id}
          initial={d?.data ?? emptyData(principal?.tin)}
          initialForm={d?.form ?? 'standard'}
          onCreated={(made) => {
            setMode('edit');
            navigate(`/customs/declarations/${made}`, { replace: true });
          }}
          onRegistered={(registered) => {
            setFresh(registered);
            setMode('view');
            reload();
          }}
          {...(current === 'amend'
            ? {
                amendment: {
                  onSent: () => {
                    setMode('view');
                    reload();
                  },
                  onCancel: () => setMode('view'),
                },
              }
            : {})}
        />
      ) : null}
      {current === 'edit' && d && role && <SidePanels d={d} role={role} />}
      {current === 'edit' || current === 'amend' ? null : (
        <Loadable state={fresh ? { ...loaded, data: fresh } : loaded}>
          {(detail) =>
            detail && <DeclarationView d={detail} role={role} onChanged={(next) => setFresh(next)} onAmend={() => setMode('amend')} onWithdrawn={reload} />
          }
        </Loadable>
      )}
    </Stack>
  );
}

function DeclarationView({
  d,
  role,
  onChanged,
  onAmend,
  onWithdrawn,
}: {
  d: Detail;
  role: Role | undefined;
  onChanged: (d: Detail) => void;
  onAmend: () => void;
  onWithdrawn: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const now = useNow(30_000);
  const text = useCustomsText();
  const isDeclarant = role === 'declarant';
  const hasOpenRequest = d.requests.some((r) => r.status === 'open' && r.kind !== 'amendment_demand');
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack>
          <Card withBorder radius="md" padding="lg" data-testid="declaration-summary">
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start">
                <Stack gap={2}>
                  <Text size="xs" c="dimmed">
                    {t('cus.field.number')}
                  </Text>
                  <Title order={2} fz={20} ff="monospace" data-testid="declaration-number">
                    {d.number ?? '—'}
                  </Title>
                </Stack>
                <StateBadge state={d.state} />
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
                <Field label={t('cus.field.form')}>{t(`cus.form.${d.form}`)}</Field>
                <Field label={t('cus.field.regime')}>{text.tx(`cus.regime.${d.regime}`)}</Field>
                <Field label={t('cus.field.office')}>{d.officeCode}</Field>
                <Field label={t('cus.field.declarant')}>{d.declarantCode}</Field>
                <Field label={t('cus.field.registeredAt')}>{formatDateTime(d.registeredAt, lang)}</Field>
                <Field label={t('cus.field.acceptedOn')}>{formatDate(d.acceptedOn, lang)}</Field>
                <Field label={t('cus.field.releaseDueAt')}>{formatDateTime(d.releaseDueAt, lang)}</Field>
                <Field label={t('cus.field.timeLeft')}>{d.releasedAt ? '—' : <ClockText clock={releaseClock(d.releaseDueAt, now)} />}</Field>
                <Field label={t('cus.field.releasedAt')}>{formatDateTime(d.releasedAt, lang)}</Field>
                {d.riskLane && <Field label={t('cus.field.riskLane')}>{text.tx(`cus.lane.${d.riskLane}`)}</Field>}
                {d.guaranteeReference && <Field label={t('cus.field.guaranteeReference')}>{d.guaranteeReference}</Field>}
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('cus.live.polling')}
              </Text>
              {isDeclarant && (isBeforeRelease(d.state) || mayWithdraw(d.state)) && !hasOpenRequest && (
                <DeclarantActions d={d} onAmend={onAmend} onWithdrawn={onWithdrawn} />
              )}
              {(role === 'customs_officer' || role === 'risk_analyst') && <OfficerPanel d={d} role={role} onDone={onChanged} />}
            </Stack>
          </Card>
          <Assessment d={d} />
          <ItemsSummary d={d} />
          {role && <SidePanels d={d} role={role} />}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack>
          <RequestList d={d} />
          <DeclarationTimeline d={d} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** Who may read the value form, communications, samples and results of a declaration (the API's readers). */
const READERS: readonly Role[] = ['declarant', 'customs_officer', 'risk_analyst'];

/**
 * What the declarant asks and sees around the declaration, and customs decides: the customs value,
 * samples and their results, art.150 undertakings, and simplified export (declarant, export only).
 */
function SidePanels({ d, role }: { d: Detail; role: Role }) {
  if (!READERS.includes(role)) return null;
  return (
    <>
      {d.state !== 'DRAFT' && <ValuePanel d={d} />}
      <SamplesPanel d={d} role={role} />
      {d.state !== 'DRAFT' && <UndertakingsPanel d={d} role={role} />}
      {role === 'declarant' && d.direction === 'export' && <SimplifiedPanel d={d} />}
    </>
  );
}

function ItemsSummary({ d }: { d: Detail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="xs">
        <Title order={3} fz={18}>
          {t('cus.section.items')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" data-testid="items-summary">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cus.item.number')}</Table.Th>
                <Table.Th>{t('cus.item.commodityCode')}</Table.Th>
                <Table.Th>{t('cus.item.description')}</Table.Th>
                <Table.Th>{t('cus.item.netMassKg')}</Table.Th>
                <Table.Th>
                  {t('cus.item.invoiceAmount')}, {d.data.currency}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.data.items.map((i) => (
                <Table.Tr key={i.number}>
                  <Table.Td>{i.number}</Table.Td>
                  <Table.Td ff="monospace">{i.commodityCode}</Table.Td>
                  <Table.Td>{i.description}</Table.Td>
                  <Table.Td>{i.netMassKg}</Table.Td>
                  <Table.Td>{i.invoiceAmount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}

/** Art.133-134 (CUS-DEC-46, 59): a signed request to change or to withdraw the declaration. */
function DeclarantActions({ d, onAmend, onWithdrawn }: { d: Detail; onAmend: () => void; onWithdrawn: () => void }) {
  const { t } = useTranslation();
  const sign = useSign();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<KeyFiles>(NO_FILES);
  const withdraw = useAction(async () => {
    const { payload } = await api('POST /api/customs/declarations/{id}/request-payload', {
      params: { id: d.id },
      body: { kind: 'withdrawal', reason: reason.trim() },
    });
    const signed = await sign(files, payload);
    return api('POST /api/customs/declarations/{id}/withdrawals', { params: { id: d.id }, body: { ...signed, reason: reason.trim() } });
  });
  return (
    <Group gap="xs" data-testid="declarant-actions">
      {isBeforeRelease(d.state) && (
        <Button variant="light" onClick={onAmend} data-testid="action-amend">
          {t('cus.action.requestAmendment')}
        </Button>
      )}
      <Button variant="light" color="red" onClick={() => setOpen(true)} data-testid="action-withdraw">
        {t('cus.action.requestWithdrawal')}
      </Button>
      <CustomsModal
        title={t('cus.action.requestWithdrawal')}
        opened={isOpen}
        onClose={() => setOpen(false)}
        action={withdraw}
        onDone={() => {
          setOpen(false);
          onWithdrawn();
        }}
        submitLabel={t('cus.action.sendRequest')}
        color="red"
        isReady={reason.trim() !== '' && hasKeyFiles(files)}
      >
        <Textarea label={t('cus.request.withdrawalReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} required />
        <KeyFileInputs files={files} onChange={setFiles} />
      </CustomsModal>
    </Group>
  );
}
