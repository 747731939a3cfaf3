import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../../../api/client.ts';
import { PageHeader } from '../../../components/feedback.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useLang } from '../../../lib/session.tsx';
import { useAction } from '../../../lib/use-api.ts';
import { isTaxpayerKind } from './model.ts';
import { Fact, Facts, IdentityProblem, Outcome, PageLink, retryAfterSeconds } from './parts.tsx';

type Counterparty = Output<'GET /api/public/tax-services/counterparties/{tin}'>;

function CounterpartyCard({ c }: { c: Counterparty }) {
  const { t } = useTranslation();
  const lang = useLang();
  const isActive = c.status === 'active';
  return (
    <Outcome tone={isActive ? 'good' : 'bad'} title={c.name} testId="counterparty">
      <Group gap="xs">
        <Badge color={isActive ? 'teal' : 'red'} variant="light" data-testid="counterparty-status">
          {isActive ? t('svcId.taxpayerStatus.active') : t('svcId.taxpayerStatus.deregistered')}
        </Badge>
        <Badge color={c.isVatPayer ? 'blue' : 'gray'} variant="light">
          {c.isVatPayer ? t('svcId.counterparty.vatPayer') : t('svcId.counterparty.notVatPayer')}
        </Badge>
      </Group>
      <Facts>
        <Fact label={t('svcId.field.tin')}>{c.tin}</Fact>
        <Fact label={t('svcId.counterparty.kind')}>{isTaxpayerKind(c.kind) ? t(`svcId.kind.${c.kind}`) : '—'}</Fact>
        <Fact label={t('svcId.counterparty.registeredOn')}>{formatDate(c.registeredOn, lang)}</Fact>
        {c.deregisteredOn && <Fact label={t('svcId.counterparty.deregisteredOn')}>{formatDate(c.deregisteredOn, lang)}</Fact>}
      </Facts>
      {c.requestNumber && (
        <Text size="sm" data-testid="counterparty-request">
          {t('svcId.counterparty.recorded', { number: c.requestNumber })} <PageLink to="/my/services">{t('svcId.counterparty.myRequests')}</PageLink>
        </Text>
      )}
    </Outcome>
  );
}

/**
 * Information for choosing a counterparty (TS-48, 05.05.06): name, kind, status, VAT payer and
 * registration date by TIN. The same form on the public site and in the cabinet; from a signed-in
 * taxpayer's cabinet each answer is also a request in their history.
 */
export function CounterpartyPage({ mode }: { mode: 'public' | 'cabinet' }) {
  const { t } = useTranslation();
  const [tin, setTin] = useState('');
  const [found, setFound] = useState<Counterparty>();
  const check = useAction((value: string) => api('GET /api/public/tax-services/counterparties/{tin}', { params: { tin: value } }));
  const isTin = /^\d{9}$/.test(tin.trim());
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFound(undefined);
    const answer = await check.run(tin.trim());
    if (answer) setFound(answer);
  };
  const isNotFound = check.error?.code === 'COUNTERPARTY_NOT_FOUND';
  return (
    <Stack maw={720}>
      <PageHeader
        title={t('svcId.counterparty.title')}
        subtitle={mode === 'cabinet' ? t('svcId.counterparty.cabinetSubtitle') : t('svcId.counterparty.publicSubtitle')}
      />
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={onSubmit} noValidate data-testid="counterparty-form">
          <Stack>
            <Group align="flex-end">
              <TextInput
                label={t('svcId.field.tin')}
                name="tin"
                value={tin}
                onChange={(e) => setTin(e.currentTarget.value)}
                maxLength={9}
                inputMode="numeric"
                error={tin.trim() !== '' && !/^\d{0,9}$/.test(tin.trim()) ? t('svcId.field.tinFormat') : undefined}
                style={{ flex: 1, maxWidth: 260 }}
              />
              <Button
                type="submit"
                loading={check.isRunning}
                disabled={!isTin || retryAfterSeconds(check.error) !== undefined}
                data-testid="counterparty-submit"
              >
                {t('svcId.counterparty.submit')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('svcId.counterparty.scope')}
            </Text>
            {isNotFound ? (
              <Text size="sm" data-testid="counterparty-not-found">
                {t('svcId.counterparty.notFound')}
              </Text>
            ) : (
              <IdentityProblem error={check.error} onReady={check.reset} />
            )}
          </Stack>
        </form>
      </Card>
      {found && <CounterpartyCard c={found} />}
    </Stack>
  );
}
