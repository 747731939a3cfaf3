import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDateTime, nowInDushanbeLocal } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { CustomsModal } from './CustomsModal.tsx';
import { type Detail, MODES } from './model.ts';

type Mode = (typeof MODES)[number];

/**
 * The border office's exit data of a released export (art.129 p.3, art.134 p.3; CUS-DEC-29): the officer
 * records the office, the time, the mode and the vehicles; the exits recorded for the declaration are
 * listed. Recording it also ends the declarant's right to withdraw the export.
 */
export function ExitPanel({ d }: { d: Detail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [isOpen, setOpen] = useState(false);
  const [officeCode, setOfficeCode] = useState('');
  const [exitedAt, setExitedAt] = useState('');
  const [mode, setMode] = useState<Mode>('road');
  const [vehicles, setVehicles] = useState('');
  const number = d.number ?? '';
  const exits = useApi(() => (number ? api('GET /api/customs/exits', { query: { declarationNumber: number } }) : Promise.resolve([])), [number]);
  const offices = useApi(() => (isOpen ? api('GET /api/customs/offices', { query: { limit: 200 } }) : Promise.resolve([])), [isOpen]);
  const border = (offices.data ?? []).filter((o) => o.kind === 'border');
  const vehicleList = vehicles
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const record = useAction(() =>
    api('POST /api/customs/exits', {
      body: {
        officeCode,
        // A datetime-local value read as Dushanbe time (UTC+05:00, no daylight saving).
        exitedAt: exitedAt ? new Date(`${exitedAt}:00+05:00`).toISOString() : '',
        transport: { mode, vehicles: vehicleList },
        declarationNumber: number,
      },
    }),
  );
  const mayRecord = d.direction === 'export' && (d.state === 'RELEASED' || d.state === 'CONDITIONALLY_RELEASED');
  if (!number || (!mayRecord && (exits.data ?? []).length === 0)) return null;
  const open = () => {
    setOfficeCode('');
    setExitedAt(nowInDushanbeLocal());
    setMode(d.data.transport.mode);
    setVehicles(d.data.transport.vehicles.join(', '));
    setOpen(true);
  };
  return (
    <Stack gap={4} data-testid="exit-panel">
      {exits.data?.map((e) => (
        <Text key={e.id} size="sm" data-testid="exit-record" data-office={e.officeCode}>
          {t('cusr.exit.title')}: {t('cusr.exit.at', { office: e.officeCode, at: formatDateTime(e.exitedAt, lang) })} ·{' '}
          {t(`cusr.mode.${e.transportMode as Mode}`)} {e.vehicles.join(', ')}
        </Text>
      ))}
      {mayRecord && (exits.data ?? []).length === 0 && (
        <Group gap="xs">
          <Button variant="light" onClick={open} data-testid="action-record-exit">
            {t('cusr.exit.record')}
          </Button>
        </Group>
      )}
      <CustomsModal
        title={t('cusr.exit.record')}
        opened={isOpen}
        onClose={() => setOpen(false)}
        action={record}
        onDone={() => {
          setOpen(false);
          exits.reload();
        }}
        submitLabel={t('cusr.exit.record')}
        isReady={officeCode !== '' && exitedAt !== '' && vehicleList.length > 0}
        testId="exit-form"
      >
        <NativeSelect
          label={t('cusr.exit.office')}
          name="exit-office"
          value={officeCode}
          onChange={(e) => setOfficeCode(e.currentTarget.value)}
          data={[
            { value: '', label: '—' },
            ...border.map((o) => ({ value: o.code, label: `${o.code} — ${lang === 'tg' ? o.nameTg : lang === 'ru' ? o.nameRu : o.nameEn}` })),
          ]}
        />
        <Group grow>
          <TextInput
            label={t('cusr.exit.exitedAt')}
            name="exit-at"
            type="datetime-local"
            value={exitedAt}
            onChange={(e) => setExitedAt(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('cusr.exit.mode')}
            name="exit-mode"
            value={mode}
            onChange={(e) => setMode(MODES.find((m) => m === e.currentTarget.value) ?? 'road')}
            data={MODES.map((m) => ({ value: m, label: t(`cusr.mode.${m}`) }))}
          />
        </Group>
        <TextInput label={t('cusr.exit.vehicles')} name="exit-vehicles" value={vehicles} onChange={(e) => setVehicles(e.currentTarget.value)} />
      </CustomsModal>
    </Stack>
  );
}
