import { Card, Group, NativeSelect, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { localised } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { type Data, DIRECTIONS, EXEMPTIONS, type Form, FORMS, MODES, type Office, REGIMES, VALUATION_METHODS, anchorOf } from './model.ts';
import { useCustomsText } from './parts.tsx';

/** Optional fields of the declaration: an empty input leaves them out (the API refuses empty strings). */
const OPTIONAL = new Set([
  'brokerTin',
  'consignor.tin',
  'consignee.tin',
  'transport.borderOfficeCode',
  'preliminaryNumber',
  'storageNumber',
  'valuation.contractNumber',
  'valuation.contractDate',
]);

const getPath = (data: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data);

function setPath<T>(data: T, path: string, value: unknown): T {
  const [head = '', ...rest] = path.split('.');
  const current = data as Record<string, unknown>;
  const next = rest.length === 0 ? value : setPath(current[head] ?? {}, rest.join('.'), value);
  const copy = { ...current, [head]: next };
  if (next === undefined) delete copy[head];
  return copy as T;
}

/** A field's new value: trimmed of nothing (the user is typing), empty optional fields removed, codes in capitals. */
export function withField(data: Data, path: string, raw: string): Data {
  const isCode = /country|Country|currency|nationality|officeCode/.test(path);
  const value = isCode ? raw.toUpperCase() : raw;
  return setPath(data, path, OPTIONAL.has(path) && value === '' ? undefined : value);
}

type Props = {
  readonly data: Data;
  readonly onChange: (next: Data) => void;
  readonly form: Form;
  readonly onForm: (form: Form) => void;
  readonly offices: readonly Office[];
  readonly error: ApiError | undefined;
  /** An amendment changes the data only: the form of declaring is fixed. */
  readonly isFormFixed?: boolean;
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={3} fz={18}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** General data, parties, transport and countries, and the customs value form of the declaration (art.124 p.11). */
export function DeclarationFields({ data, onChange, form, onForm, offices, error, isFormFixed = false }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useCustomsText();
  const input = (path: string, label: string, extra: { description?: string; placeholder?: string; required?: boolean; type?: string } = {}) => (
    <TextInput
      label={label}
      name={path}
      id={anchorOf(path)}
      value={String(getPath(data, path) ?? '')}
      onChange={(e) => onChange(withField(data, path, e.currentTarget.value))}
      error={error?.messageFor(`data.${path}`)}
      required={extra.required ?? !OPTIONAL.has(path)}
      {...(extra.description ? { description: extra.description } : {})}
      {...(extra.placeholder ? { placeholder: extra.placeholder } : {})}
      {...(extra.type ? { type: extra.type } : {})}
    />
  );
  const select = (path: string, label: string, options: { value: string; label: string }[]) => (
    <NativeSelect
      label={label}
      name={path}
      id={anchorOf(path)}
      value={String(getPath(data, path) ?? '')}
      onChange={(e) => {
        const raw = e.currentTarget.value;
        onChange(setPath(data, path, path === 'valuation.method' ? Number(raw) : raw === '' ? undefined : raw));
      }}
      error={error?.messageFor(`data.${path}`)}
      data={options}
    />
  );
  const party = (who: 'consignor' | 'consignee') => (
    <Stack gap="xs">
      <Title order={4} fz={15}>
        {t(`cus.field.${who}`)}
      </Title>
      {input(`${who}.name`, t('cus.field.name'))}
      <Group grow align="flex-start">
        {input(`${who}.country`, t('cus.field.country'), { description: t('cus.field.countryHint') })}
        {input(`${who}.tin`, t('cus.field.tin'))}
      </Group>
      {input(`${who}.address`, t('cus.field.address'))}
    </Stack>
  );
  const vehicles = data.transport.vehicles.join(', ');
  return (
    <Stack gap="md" data-testid="declaration-fields">
      <Section title={t('cus.section.general')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <NativeSelect
            label={t('cus.field.form')}
            name="form"
            id={anchorOf('form')}
            value={form}
            disabled={isFormFixed}
            onChange={(e) => onForm(FORMS.find((f) => f === e.currentTarget.value) ?? 'standard')}
            data={FORMS.map((f) => ({ value: f, label: t(`cus.form.${f}`) }))}
          />
          {select(
            'direction',
            t('cus.field.direction'),
            DIRECTIONS.map((d) => ({ value: d, label: t(`cus.direction.${d}`) })),
          )}
          {select(
            'regime',
            t('cus.field.regime'),
            REGIMES.map((r) => ({ value: r, label: t(`cus.regime.${r}`) })),
          )}
          {select('officeCode', t('cus.field.officeCode'), [
            { value: '', label: '—' },
            ...offices.map((o) => ({ value: o.code, label: `${localised({ tg: o.nameTg, ru: o.nameRu, en: o.nameEn }, lang)} (${o.code})` })),
          ])}
          {input('declarantCode', t('cus.field.declarantCode'), { description: t('cus.field.declarantHint') })}
          {input('brokerTin', t('cus.field.brokerTin'), { description: t('cus.field.brokerHint') })}
          {select('preliminaryExemption', t('cus.field.preliminaryExemption'), [
            { value: '', label: t('cus.exemption.none') },
            ...EXEMPTIONS.map((x) => ({ value: x, label: t(`cus.exemption.${x}`) })),
          ])}
          {input('preliminaryNumber', t('cus.field.preliminaryNumber'))}
          {input('storageNumber', t('cus.field.storageNumber'))}
        </SimpleGrid>
      </Section>

      <Section title={t('cus.section.parties')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {party('consignor')}
          {party('consignee')}
        </SimpleGrid>
      </Section>

      <Section title={t('cus.section.transport')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          {select(
            'transport.mode',
            t('cus.field.transportMode'),
            MODES.map((m) => ({ value: m, label: t(`cus.mode.${m}`) })),
          )}
          <TextInput
            label={t('cus.field.vehicles')}
            description={t('cus.field.vehiclesHint')}
            name="transport.vehicles"
            id={anchorOf('transport.vehicles')}
            defaultValue={vehicles}
            onBlur={(e) =>
              onChange(
                setPath(
                  data,
                  'transport.vehicles',
                  e.currentTarget.value
                    .split(',')
                    .map((v) => v.trim())
                    .filter(Boolean),
                ),
              )
            }
            error={error?.messageFor('data.transport.vehicles')}
            required
          />
          {input('transport.nationality', t('cus.field.nationality'), { description: t('cus.field.countryHint') })}
          {input('transport.borderOfficeCode', t('cus.field.borderOfficeCode'))}
          {input('countryOfDispatch', t('cus.field.countryOfDispatch'), { description: t('cus.field.countryHint') })}
          {input('countryOfDestination', t('cus.field.countryOfDestination'), { description: t('cus.field.countryHint') })}
          {input('deliveryTerms', t('cus.field.deliveryTerms'), { placeholder: 'FCA Kashgar' })}
        </SimpleGrid>
      </Section>

      <Section title={t('cus.section.valuation')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          {select(
            'valuation.method',
            t('cus.field.valuationMethod'),
            VALUATION_METHODS.map((m) => ({ value: String(m), label: text.tx(`cus.method.${m}`) })),
          )}
          {input('currency', t('cus.field.currency'), { placeholder: 'USD' })}
          {input('valuation.transportCost', t('cus.field.transportCost'))}
          {input('valuation.insuranceCost', t('cus.field.insuranceCost'))}
          {input('valuation.otherCosts', t('cus.field.otherCosts'))}
          {input('valuation.contractNumber', t('cus.field.contractNumber'))}
          {input('valuation.contractDate', t('cus.field.contractDate'), { type: 'date' })}
        </SimpleGrid>
      </Section>
    </Stack>
  );
}
