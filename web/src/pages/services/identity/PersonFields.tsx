import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.ts';

/** The identity data the register compares exactly: passport (series and number), surname, birth date. */
export type PersonQuery = { passportSeries: string; passportNumber: string; surname: string; birthDate: string };
export const EMPTY_PERSON: PersonQuery = { passportSeries: '', passportNumber: '', surname: '', birthDate: '' };

export const isPersonReady = (p: PersonQuery): boolean => p.passportNumber.trim() !== '' && p.surname.trim() !== '' && p.birthDate !== '';

/** The body fields as the API takes them: trimmed, the empty series left out. */
export const personBody = (p: PersonQuery) => ({
  ...(p.passportSeries.trim() ? { passportSeries: p.passportSeries.trim() } : {}),
  passportNumber: p.passportNumber.trim(),
  surname: p.surname.trim(),
  birthDate: p.birthDate,
});

export const PERSON_FIELDS = ['passportSeries', 'passportNumber', 'surname', 'birthDate'] as const;

type FieldProps = { value: PersonQuery; onChange: (p: PersonQuery) => void; error: ApiError | undefined };
const setter =
  ({ value, onChange }: FieldProps, name: keyof PersonQuery) =>
  (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [name]: e.currentTarget.value });

export function SurnameField(props: FieldProps & { description?: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('svcId.field.surname')}
      description={props.description}
      name="surname"
      value={props.value.surname}
      onChange={setter(props, 'surname')}
      maxLength={60}
      autoComplete="family-name"
      required
      error={props.error?.messageFor('surname')}
    />
  );
}

export function BirthDateField(props: FieldProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="date"
      label={t('svcId.field.birthDate')}
      name="birthDate"
      value={props.value.birthDate}
      onChange={setter(props, 'birthDate')}
      autoComplete="bday"
      required
      error={props.error?.messageFor('birthDate')}
      style={{ maxWidth: 220 }}
    />
  );
}

/** The passport as printed: the series letters (may be empty) and the number. */
export function PassportFields(props: FieldProps) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      <TextInput
        label={t('svcId.field.passportSeries')}
        name="passportSeries"
        value={props.value.passportSeries}
        onChange={setter(props, 'passportSeries')}
        maxLength={10}
        autoComplete="off"
        error={props.error?.messageFor('passportSeries')}
        style={{ maxWidth: 160 }}
      />
      <TextInput
        label={t('svcId.field.passportNumber')}
        description={t('svcId.field.passportHint')}
        name="passportNumber"
        value={props.value.passportNumber}
        onChange={setter(props, 'passportNumber')}
        maxLength={20}
        autoComplete="off"
        required
        error={props.error?.messageFor('passportNumber')}
      />
    </Group>
  );
}

/** Surname, birth date and passport, with the server's field errors next to them. */
export function PersonFields(props: FieldProps) {
  const { t } = useTranslation();
  return (
    <>
      <SurnameField {...props} description={t('svcId.field.surnameHint')} />
      <BirthDateField {...props} />
      <PassportFields {...props} />
    </>
  );
}
