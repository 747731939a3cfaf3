import { Alert, Group, NativeSelect, NumberInput, Select, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { formatMonth, localised } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { type Catalogue, needsPeriod, type ServiceLine } from './model.ts';
import { Inferred } from './StandardPage.tsx';

/** A searchable list of the Standard's services, grouped as Annex 2 groups them. */
export function ServicePicker({
  catalogue,
  value,
  onChange,
  error,
}: {
  catalogue: Catalogue;
  value: string;
  onChange: (key: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const data = catalogue.groups
    .map((g) => ({
      group: `${g.code} · ${localised(g.name, lang)}`,
      items: catalogue.lines.filter((l) => l.group === g.code).map((l) => ({ value: l.key, label: `${l.key} · ${localised(l.name, lang)}` })),
    }))
    .filter((g) => g.items.length > 0);
  return (
    <Select
      label={t('svc.form.service')}
      placeholder={t('svc.form.servicePlaceholder')}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable
      nothingFoundMessage={t('state.nothingFound')}
      maxDropdownHeight={360}
      comboboxProps={{ width: 'target' }}
      error={error}
      required
      data-testid="service-select"
    />
  );
}

/** What the chosen service promises: deadline as printed, result, responsible unit. */
export function ServiceSummary({ line }: { line: ServiceLine }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Alert variant="light" color="teal" title={localised(line.name, lang)} data-testid="service-summary">
      <Text size="sm">
        <b>{t('svc.standard.deadline')}:</b> {localised(line.deadlineText, lang)}
      </Text>
      <Text size="sm">
        <b>{t('svc.standard.result')}:</b> {localised(line.result.text, lang)}
      </Text>
      <Text size="sm">
        <b>{t('svc.standard.unit')}:</b> {localised(line.responsibleUnit.value, lang)}
        <Inferred isInferred={line.responsibleUnit.inferred} />
      </Text>
    </Alert>
  );
}

export type ClockInputs = { year: number | ''; month: string; planDate: string };

/** The reporting period or the plan date, for the services whose deadline is counted from them (TS-27 g-i). */
export function ClockFields({
  line,
  value,
  onChange,
  error,
}: {
  line: ServiceLine;
  value: ClockInputs;
  onChange: (v: ClockInputs) => void;
  error: ApiError | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const period = needsPeriod(line);
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
  return (
    <>
      {period && (
        <Group align="flex-start" grow>
          <NumberInput
            label={t('svc.field.periodYear')}
            value={value.year}
            onChange={(v) => onChange({ ...value, year: typeof v === 'number' ? v : '' })}
            min={2000}
            max={2100}
            allowDecimal={false}
            required
            error={error?.messageFor('period')}
          />
          {period === 'month' && (
            <NativeSelect
              label={t('svc.field.periodMonth')}
              value={value.month}
              onChange={(e) => onChange({ ...value, month: e.currentTarget.value })}
              data={[
                { value: '', label: '—' },
                ...months.map((m) => ({ value: m, label: formatMonth(`${value.year || new Date().getFullYear()}-${m}`, lang) })),
              ]}
              required
            />
          )}
        </Group>
      )}
      {line.deadline.kind === 'plan' && (
        <TextInput
          type="date"
          label={t('svc.field.planDate')}
          value={value.planDate}
          onChange={(e) => onChange({ ...value, planDate: e.currentTarget.value })}
          required
          error={error?.messageFor('planDate')}
        />
      )}
    </>
  );
}

/** The body's period and plan date from the inputs, for the line's deadline kind. */
export function clockBody(line: ServiceLine, v: ClockInputs): { period?: { year: number; month?: number }; planDate?: string } {
  const period = needsPeriod(line);
  return {
    ...(period && v.year !== '' ? { period: { year: v.year, ...(period === 'month' && v.month ? { month: Number(v.month) } : {}) } } : {}),
    ...(line.deadline.kind === 'plan' && v.planDate ? { planDate: v.planDate } : {}),
  };
}

export const isClockReady = (line: ServiceLine, v: ClockInputs): boolean => {
  const period = needsPeriod(line);
  if (period && v.year === '') return false;
  if (period === 'month' && !v.month) return false;
  return line.deadline.kind !== 'plan' || v.planDate !== '';
};
