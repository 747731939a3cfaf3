import { Badge, Button, Card, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDate, formatDateTime, todayInDushanbe } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { CustomsModal } from './CustomsModal.tsx';
import type { Detail } from './model.ts';
import { CustomsProblem } from './parts.tsx';

const PROCEDURES = ['incomplete', 'periodic'] as const;
type Procedure = (typeof PROCEDURES)[number];
const STATE_COLOR = { REQUESTED: 'yellow', GRANTED: 'teal', REFUSED: 'red' } as const;

/**
 * Art.137 (docs/customs-declarant-requests.md, CUS-DEC-75): on an export declaration the declarant asks
 * to declare its domestic goods by an incomplete declaration or periodically at this office, and sees
 * customs' decision: granted, or refused with the conditions to meet.
 */
export function SimplifiedPanel({ d }: { d: Detail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [isOpen, setOpen] = useState(false);
  const [procedure, setProcedure] = useState<Procedure>('incomplete');
  const [codes, setCodes] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [reason, setReason] = useState('');
  const list = useApi(() => api('GET /api/customs/simplified-requests', { query: { officeCode: d.officeCode } }), [d.id, d.officeCode]);
  const codeList = codes
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  const ask = useAction(() =>
    api('POST /api/customs/simplified-requests', {
      body: { procedure, officeCode: d.officeCode, commodityCodes: codeList, validFrom, validTo, reason: reason.trim() },
    }),
  );
  const open = () => {
    setProcedure(d.form === 'periodic' ? 'periodic' : 'incomplete');
    setCodes([...new Set(d.data.items.map((i) => i.commodityCode).filter(Boolean))].join(', '));
    setValidFrom(todayInDushanbe());
    setValidTo('');
    setReason('');
    setOpen(true);
  };
  return (
    <Card withBorder radius="md" padding="lg" data-testid="simplified-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} fz={18}>
            {t('cusr.simplified.title')}
          </Title>
          <Button size="compact-sm" variant="light" onClick={open} data-testid="action-ask-simplified">
            {t('cusr.simplified.ask')}
          </Button>
        </Group>
        <CustomsProblem error={list.error} />
        {list.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('cusr.simplified.none')}
          </Text>
        )}
        {list.data?.map((r) => (
          <Stack key={r.number} gap={2} data-testid="simplified-request" data-number={r.number} data-state={r.state}>
            <Group gap="xs">
              <Text size="sm" ff="monospace">
                {r.number}
              </Text>
              <Badge size="sm" variant="light" color={STATE_COLOR[r.state]}>
                {t(`cusr.simplified.state.${r.state}`)}
              </Badge>
              <Text size="sm">{t(`cusr.simplified.procedure.${r.procedure}`)}</Text>
            </Group>
            <Text size="xs" c="dimmed">
              {formatDate(r.validFrom, lang)} — {formatDate(r.validTo, lang)} · {t('cusr.simplified.codes')}: {r.commodityCodes.join(', ')}
            </Text>
            {r.state === 'REQUESTED' && (
              <Text size="xs" c="dimmed">
                {t('cusr.simplified.refusalDue', { at: formatDateTime(r.refusalNoticeDueAt, lang) })}
              </Text>
            )}
            {r.decisionReason && (
              <Text size="sm" data-testid="simplified-decision-reason">
                {r.decisionReason}
              </Text>
            )}
            {r.refusalConditions && (
              <Text size="sm" data-testid="simplified-conditions">
                {t('cusr.simplified.conditions')}: {r.refusalConditions}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
      <CustomsModal
        title={t('cusr.simplified.title')}
        opened={isOpen}
        onClose={() => setOpen(false)}
        action={ask}
        onDone={() => {
          setOpen(false);
          list.reload();
        }}
        submitLabel={t('cusr.simplified.ask')}
        isReady={codeList.length > 0 && validFrom !== '' && validTo !== '' && reason.trim() !== ''}
        testId="simplified-form"
      >
        <NativeSelect
          label={t('cusr.simplified.procedureLabel')}
          name="simplified-procedure"
          value={procedure}
          onChange={(e) => setProcedure(PROCEDURES.find((p) => p === e.currentTarget.value) ?? 'incomplete')}
          data={PROCEDURES.map((p) => ({ value: p, label: t(`cusr.simplified.procedure.${p}`) }))}
        />
        <TextInput label={t('cusr.simplified.codes')} name="simplified-codes" value={codes} onChange={(e) => setCodes(e.currentTarget.value)} />
        <Group grow>
          <TextInput
            label={t('cusr.simplified.validFrom')}
            name="simplified-from"
            type="date"
            value={validFrom}
            onChange={(e) => setValidFrom(e.currentTarget.value)}
          />
          <TextInput
            label={t('cusr.simplified.validTo')}
            name="simplified-to"
            type="date"
            value={validTo}
            onChange={(e) => setValidTo(e.currentTarget.value)}
          />
        </Group>
        <Textarea
          label={t('cusr.simplified.reason')}
          name="simplified-reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
      </CustomsModal>
    </Card>
  );
}
