import { Badge, Button, Card, Code, CopyButton, Group, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CashdeskRegister } from '../../api/types.gen.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { Link } from '../../lib/router.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { AnyProblem } from './cashdesk-ui.tsx';

const MIN_PASSWORD = 6;
const MODULE_COLORS: Record<CashdeskRegister['module']['state'], string> = {
  blank: 'gray',
  personalised: 'orange',
  initialised: 'teal',
  working: 'teal',
  locked: 'red',
  missing: 'red',
};

/** The module's public key for the TSC (p.81), while the operator does not hold it yet. */
function PublicKey({ register }: { register: CashdeskRegister }) {
  const { t } = useTranslation();
  if (!register.module.publicKey || register.isCommissioned) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('pos.registers.publicKey')}
      </Text>
      <Code block data-testid="module-public-key" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {register.module.publicKey}
      </Code>
      <Group gap="xs">
        <CopyButton value={register.module.publicKey}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? t('pos.registers.copied') : t('pos.registers.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('pos.registers.publicKeyHint')}
      </Text>
    </Stack>
  );
}

function RegisterCard({ register }: { register: CashdeskRegister }) {
  const { t } = useTranslation();
  const canWork = register.module.state !== 'missing' && register.module.state !== 'blank';
  return (
    <Card withBorder radius="md" padding="md" data-testid="cashdesk-register" data-id={register.id} data-module-state={register.module.state}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} fz="lg">
            {register.serialNumber}
          </Title>
          <Badge color={MODULE_COLORS[register.module.state]} variant="light" data-testid="module-state">
            {t(`pos.registers.module.${register.module.state}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('pos.registers.registryNumber')}: <b>{register.registryNumber}</b>
        </Text>
        <Text size="sm">
          {t('pos.registers.fiscalModule')}: <b>{register.fiscalModuleNumber}</b>
        </Text>
        <Text size="sm" c="dimmed">
          {register.address}
        </Text>
        <PublicKey register={register} />
        <Group gap="xs" mt="xs">
          <Button size="md" component={Link} to={`/my/cashdesk/${register.id}`} disabled={!canWork} data-testid="open-pos">
            {t('pos.registers.openPos')}
          </Button>
          <Button size="md" variant="default" component={Link} to={`/my/cashdesk/${register.id}/refund`}>
            {t('pos.registers.refund')}
          </Button>
          <Button size="md" variant="default" component={Link} to={`/my/cashdesk/${register.id}/reports`}>
            {t('pos.registers.reports')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Sets up the VCR for a virtual register of the registry with a program password (p.68 item 7). */
function SetUpForm({ taken, onDone }: { taken: ReadonlySet<string>; onDone: () => void }) {
  const { t } = useTranslation();
  const candidates = useApi(() => api('GET /api/fiscal/registers', { query: { status: 'registered', limit: 100 } }), []);
  const [registerId, setRegisterId] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [isChecked, setChecked] = useState(false);
  const setUp = useAction((body: { fiscalRegisterId: string; password: string }) => api('POST /api/cashdesk/registers', { body }));
  const tooShort = [...password].length < MIN_PASSWORD;
  const mismatch = password !== again;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!registerId || tooShort || mismatch) return;
    const made = await setUp.run({ fiscalRegisterId: registerId, password });
    if (made) {
      setPassword('');
      setAgain('');
      setRegisterId(null);
      setChecked(false);
      onDone();
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="setup-title">
      <form onSubmit={submit} noValidate data-testid="setup-form">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="setup-title">
            {t('pos.registers.setUpTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('pos.registers.setUpHint')}
          </Text>
          <Loadable state={candidates}>
            {(page) => {
              const options = page.items
                .filter((r) => r.kind === 'virtual' && !r.isLost && !taken.has(r.id))
                .map((r) => ({ value: r.id, label: `${r.registryNumber} · ${r.manufacturerNumber} · ${r.fiscalModuleNumber}` }));
              if (options.length === 0)
                return (
                  <Text size="sm" c="dimmed" data-testid="setup-none">
                    {t('pos.registers.noneToSetUp')}
                  </Text>
                );
              return (
                <Stack gap="sm">
                  <Select
                    size="md"
                    label={t('pos.registers.fiscalRegister')}
                    data={options}
                    value={registerId}
                    onChange={setRegisterId}
                    error={isChecked && !registerId ? t('state.required') : undefined}
                    data-testid="setup-register"
                    allowDeselect={false}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <PasswordInput
                      size="md"
                      name="password"
                      label={t('pos.registers.password')}
                      description={t('pos.registers.passwordHint')}
                      value={password}
                      onChange={(e) => setPassword(e.currentTarget.value)}
                      error={(isChecked && tooShort ? t('pos.registers.passwordShort') : undefined) ?? setUp.error?.messageFor('password')}
                      autoComplete="new-password"
                    />
                    <PasswordInput
                      size="md"
                      name="passwordAgain"
                      label={t('pos.registers.passwordAgain')}
                      description=" "
                      value={again}
                      onChange={(e) => setAgain(e.currentTarget.value)}
                      error={isChecked && !tooShort && mismatch ? t('pos.registers.passwordMismatch') : undefined}
                      autoComplete="new-password"
                    />
                  </SimpleGrid>
                  <AnyProblem error={setUp.error} />
                  <Group>
                    <Button type="submit" size="md" loading={setUp.isRunning} data-testid="setup-submit">
                      {t('pos.registers.setUp')}
                    </Button>
                  </Group>
                </Stack>
              );
            }}
          </Loadable>
        </Stack>
      </form>
    </Paper>
  );
}

/** Business: its virtual cash registers, setting one up, and the module's key to hand to the TSC. */
export function CashdeskRegistersPage() {
  const { t } = useTranslation();
  const registers = useApi(() => api('GET /api/cashdesk/registers'), []);
  const taken = new Set((registers.data ?? []).map((r) => r.fiscalRegisterId));
  return (
    <Stack>
      <PageHeader
        title={t('pos.registers.title')}
        subtitle={t('pos.registers.subtitle')}
        actions={
          <Button variant="default" component={Link} to="/my/catalogue">
            {t('nav.catalogue')}
          </Button>
        }
      />
      <Loadable state={registers}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('pos.registers.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="cashdesk-registers">
              {list.map((r) => (
                <RegisterCard key={r.id} register={r} />
              ))}
            </SimpleGrid>
          )
        }
      </Loadable>
      <SetUpForm taken={taken} onDone={registers.reload} />
    </Stack>
  );
}
