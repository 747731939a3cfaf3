import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CashdeskReceipt, CashdeskStatus } from '../../api/types.gen.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { Link } from '../../lib/router.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { AnyProblem, StatusBar } from './cashdesk-ui.tsx';
import { ReceiptPreview } from './ReceiptPreview.tsx';
import { SaleScreen } from './SaleScreen.tsx';
import { ShiftPanel } from './ShiftPanel.tsx';

/** How often the status bar asks again (link, queue, offline time left). */
const STATUS_EVERY_MS = 15_000;

/** The program password (p.65 item 10, p.68 item 7) unlocks the register for this login session. */
export function UnlockForm({ registerId, onUnlocked }: { registerId: string; onUnlocked: (s: CashdeskStatus) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const unlock = useAction((pw: string) => api('POST /api/cashdesk/registers/{id}/unlock', { params: { id: registerId }, body: { password: pw } }));
  const retry = unlock.error?.code === 'PROGRAM_PASSWORD_LOCKED' ? Number(unlock.error.details?.retryAfterSeconds ?? 0) : 0;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await unlock.run(password);
    setPassword('');
    if (done) onUnlocked(done.status);
  };
  return (
    <Paper withBorder radius="md" p="lg" maw={520} component="section" aria-labelledby="unlock-title">
      <form onSubmit={submit} data-testid="unlock-form">
        <Stack>
          <Title order={2} fz="xl" id="unlock-title">
            {t('pos.unlock.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('pos.unlock.hint')}
          </Text>
          <PasswordInput
            size="xl"
            name="programPassword"
            label={t('pos.registers.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoFocus
            autoComplete="current-password"
          />
          <AnyProblem error={unlock.error} />
          {retry > 0 && <Text c="red">{t('pos.unlock.retryIn', { seconds: retry })}</Text>}
          <Button type="submit" size="xl" loading={unlock.isRunning} disabled={password === ''} data-testid="unlock-submit">
            {t('pos.unlock.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The register's status, read now and every few seconds; `set` takes a status an answer already carried. */
export function useStatus(registerId: string) {
  const [status, setStatus] = useState<CashdeskStatus>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(() => {
    api('GET /api/cashdesk/registers/{id}/status', { params: { id: registerId } })
      .then((s) => {
        setStatus(s);
        setError(undefined);
      })
      .catch(setError);
  }, [registerId]);
  useEffect(() => {
    reload();
    const timer = window.setInterval(reload, STATUS_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  return { status, error, reload, set: setStatus };
}

/** The POS: unlock, status bar, shift, the sale and, after it, the print preview. */
export function PosPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const register = useApi(() => api('GET /api/cashdesk/registers/{id}', { params: { id } }), [id]);
  const { status, reload, set } = useStatus(id);
  const [issued, setIssued] = useState<CashdeskReceipt>();
  const lock = useAction(() => api('POST /api/cashdesk/registers/{id}/lock', { params: { id } }));
  const sync = useAction(() => api('POST /api/cashdesk/registers/{id}/sync', { params: { id } }));

  return (
    <Stack gap="sm">
      <Loadable state={register}>
        {(r) => (
          <PageHeader
            title={`${t('pos.registers.title')} ${r.serialNumber}`}
            subtitle={`${r.business.name} · ${t('pos.registers.fiscalModule')} ${r.fiscalModuleNumber} · ${r.address}`}
            actions={
              <Group gap="xs" className="no-print">
                <Button variant="default" component={Link} to={`/my/cashdesk/${id}/refund`}>
                  {t('pos.registers.refund')}
                </Button>
                <Button variant="default" component={Link} to={`/my/cashdesk/${id}/reports`}>
                  {t('pos.registers.reports')}
                </Button>
                {status?.isUnlocked && (
                  <Button
                    variant="subtle"
                    color="gray"
                    onClick={async () => {
                      await lock.run();
                      reload();
                    }}
                    data-testid="lock-register"
                  >
                    {t('pos.unlock.lock')}
                  </Button>
                )}
              </Group>
            }
          />
        )}
      </Loadable>
      {status === undefined ? null : !status.isUnlocked ? (
        <UnlockForm registerId={id} onUnlocked={set} />
      ) : (
        <>
          <StatusBar
            status={status}
            isSyncing={sync.isRunning}
            onSync={async () => {
              await sync.run();
              reload();
            }}
          />
          <AnyProblem error={sync.error ?? lock.error} />
          {issued ? (
            <ReceiptPreview
              registerId={id}
              receipt={issued}
              onNext={() => {
                setIssued(undefined);
                reload();
              }}
            />
          ) : (
            <>
              <ShiftPanel registerId={id} status={status} onChange={reload} />
              <SaleScreen
                registerId={id}
                canSell={status.canIssueReceipts && status.shift?.isOpen === true}
                onIssued={(r) => {
                  setIssued(r);
                  reload();
                }}
                onRefused={reload}
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
