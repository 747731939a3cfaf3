import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, isApiError } from '../../../api/client.ts';
import type { Business } from '../../../api/types.gen.ts';
import { ProblemAlert } from '../../../components/feedback.tsx';
import type { WizardState } from './state.ts';

type Props = { state: WizardState; update: (patch: Partial<WizardState>) => void; error: ApiError | undefined };

const Line = ({ label, value }: { label: string; value: string | null | undefined }) => (
  <Stack gap={0}>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm" fw={500}>
      {value || '—'}
    </Text>
  </Stack>
);

/** Step 1: the TIN; the rest comes from the taxpayer registry (p.21). */
export function BusinessStep({ state, update, error }: Props) {
  const { t } = useTranslation();
  const [lookupError, setLookupError] = useState<ApiError>();
  const [isLoading, setLoading] = useState(false);

  const find = async (e?: FormEvent) => {
    e?.preventDefault();
    setLoading(true);
    setLookupError(undefined);
    try {
      const business = await api('GET /api/fiscal/businesses/{tin}', { params: { tin: state.tin.trim() } });
      update(autoFill(state, business));
    } catch (err) {
      update({ business: undefined });
      if (isApiError(err)) setLookupError(err);
    } finally {
      setLoading(false);
    }
  };

  const b = state.business;
  const tinError = lookupError?.messageFor('tin') ?? (lookupError?.status === 404 ? lookupError.title : undefined) ?? error?.messageFor('businessTin');
  return (
    <Stack>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          label={t('field.tin')}
          description={t('login.tinHint')}
          name="businessTin"
          inputMode="numeric"
          maxLength={9}
          value={state.tin}
          onChange={(e) => update({ tin: e.currentTarget.value.replace(/\D/g, ''), business: undefined })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void find();
          }}
          error={tinError}
          w={220}
          autoFocus
        />
        <Button onClick={() => void find()} loading={isLoading} disabled={state.tin.trim().length !== 9} mb={tinError ? 22 : 0}>
          {t('wizard.findBusiness')}
        </Button>
      </Group>
      {lookupError && lookupError.status !== 404 && <ProblemAlert error={lookupError} shownFields={['tin']} />}
      {b && (
        <Card withBorder radius="md" data-testid="business-card">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('wizard.autoFilled')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Line label={t('field.businessName')} value={b.name} />
              <Line label={t('field.kind')} value={t(`wizard.kindOfBusiness.${b.kind}`)} />
              <Line label={t('field.legalAddress')} value={b.legalAddress} />
              <Line label={t('field.inspectorate')} value={b.inspectorateCode} />
              <Line label={t('field.phone')} value={b.phone} />
              <Line label={t('field.taxRegime')} value={b.taxRegime} />
            </SimpleGrid>
            {b.mustUseRegister === false && (
              <Alert color="yellow" variant="light">
                {t('wizard.exempt', { basis: b.exemptionBasis ?? b.exemption ?? '' })}
              </Alert>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

/** Fills what the registry knows and the user has not typed yet. */
function autoFill(state: WizardState, business: Business): Partial<WizardState> {
  return {
    business,
    signatory: state.signatory || business.name,
    phone: state.phone || business.phone || '',
    placeOfActivity: state.placeOfActivity,
  };
}
