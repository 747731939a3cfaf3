import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/feedback.tsx';
import { todayInDushanbe } from '../../../lib/format.ts';
import { navigate, useLocation } from '../../../lib/router.tsx';
import { Balances, Entries } from './Account.tsx';
import { LedgerServices } from './LedgerServices.tsx';
import { startOfYear } from './model.ts';

function Account({ tin, isOfficer }: { tin: string | undefined; isOfficer: boolean }) {
  const today = todayInDushanbe();
  const [asOf, setAsOf] = useState(today);
  const [period, setPeriod] = useState({ from: startOfYear(today), to: today });
  return (
    <Stack>
      <Balances tin={tin} asOf={asOf} onAsOf={setAsOf} />
      <LedgerServices key={tin} tin={tin} isOfficer={isOfficer} />
      <Entries tin={tin} from={period.from} to={period.to} onPeriod={(from, to) => setPeriod({ from, to })} />
    </Stack>
  );
}

/**
 * The taxpayer's tax account (TS-49; docs/tax-services-ledger.md): balances per tax type, the entries
 * of a period, and the certificate of no tax debts (06.06.01) and the reconciliation act (06.06.04)
 * at once. The taxpayer sees their own; an officer opens any TIN (the reading is audited, TS-52).
 */
export function LedgerPage({ mode }: { mode: 'taxpayer' | 'officer' }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const shown = search.get('tin') ?? '';
  const [tin, setTin] = useState(shown);
  const isOfficer = mode === 'officer';
  const onOpen = (e: FormEvent) => {
    e.preventDefault();
    navigate(`${pathname}?tin=${encodeURIComponent(tin.trim())}`);
  };
  return (
    <Stack maw={1200}>
      <PageHeader title={isOfficer ? t('svl.officerTitle') : t('svl.title')} subtitle={t('svl.subtitle')} />
      {isOfficer && (
        <Card withBorder radius="md" padding="md">
          <form onSubmit={onOpen}>
            <Group align="flex-end">
              <TextInput label={t('svl.tin')} value={tin} onChange={(e) => setTin(e.currentTarget.value)} inputMode="numeric" maxLength={9} name="tin" />
              <Button type="submit" disabled={!/^\d{9}$/.test(tin.trim())} data-testid="open-account">
                {t('svl.open')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t('svl.officerHint')}
            </Text>
          </form>
        </Card>
      )}
      {isOfficer ? /^\d{9}$/.test(shown) && <Account key={shown} tin={shown} isOfficer /> : <Account tin={undefined} isOfficer={false} />}
    </Stack>
  );
}
