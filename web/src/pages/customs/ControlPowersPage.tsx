import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { CONTROL_FORMS, type ControlForm, isControlForm, type OfficerPowers, orderedForms } from './control-powers.ts';
import { CustomsModal } from './CustomsModal.tsx';

/**
 * Art.399 p.4 (CUS-CTL-04): the head of the customs authority sets, per officer, the forms of
 * customs control within the officer's powers, citing the order or job description that grants
 * them; every control act on a declaration is checked against them (docs/customs-control-powers.md).
 */
export function ControlPowersPage() {
  const { t } = useTranslation();
  const list = useApi(() => api('GET /api/customs/control-powers'), []);
  const [editing, setEditing] = useState<OfficerPowers>();
  const [saved, setSaved] = useState<OfficerPowers>();
  const edit = (officer: OfficerPowers) => {
    setSaved(undefined);
    setEditing(officer);
  };
  return (
    <Stack maw={1200}>
      <PageHeader title={t('cusPowers.title')} subtitle={t('cusPowers.subtitle')} />
      {saved && (
        <Alert color="teal" variant="light" role="status" data-testid="powers-saved" withCloseButton onClose={() => setSaved(undefined)}>
          {t('cusPowers.saved', { name: saved.displayName })}
        </Alert>
      )}
      <Loadable state={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg" data-testid="powers-empty">
              {t('cusPowers.noOfficers')}
            </Text>
          ) : (
            <PowersTable rows={rows} onEdit={edit} />
          )
        }
      </Loadable>
      {editing && (
        <PowersEditor
          key={editing.accountId}
          officer={editing}
          onClose={() => setEditing(undefined)}
          onSaved={(officer) => {
            setEditing(undefined);
            setSaved(officer);
            list.reload();
          }}
        />
      )}
    </Stack>
  );
}

/** The forms as badges, in the canonical order; "none" when the head left the officer no form. */
export function FormBadges({ forms, size = 'sm' }: { forms: readonly ControlForm[]; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  if (forms.length === 0)
    return (
      <Badge color="red" variant="light" size={size} data-testid="power-none">
        {t('cusPowers.none')}
      </Badge>
    );
  return (
    <Group gap={4} wrap="wrap">
      {orderedForms(forms).map((f) => (
        <Badge key={f} variant="light" size={size} data-testid="power-form" data-form={f}>
          {t(`cusPowers.form.${f}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** The audit actor `role:login` as its login, the name the head signs in with. */
const loginOf = (actor: string | null): string => (actor ? actor.slice(actor.indexOf(':') + 1) : '—');

function PowersTable({ rows, onEdit }: { rows: readonly OfficerPowers[]; onEdit: (officer: OfficerPowers) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="powers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cusPowers.col.officer')}</Table.Th>
            <Table.Th>{t('cusPowers.col.forms')}</Table.Th>
            <Table.Th>{t('cusPowers.col.basis')}</Table.Th>
            <Table.Th>{t('cusPowers.col.set')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((o) => (
            <Table.Tr key={o.accountId} data-testid="powers-row" data-login={o.login} data-default={o.isRoleDefault}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {o.displayName}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {o.login}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <FormBadges forms={o.forms} />
                  {o.isRoleDefault && (
                    <Badge color="gray" variant="outline" size="sm" title={t('cusPowers.roleDefaultHint')} data-testid="role-default">
                      {t('cusPowers.roleDefault')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="powers-basis">
                  {o.basis ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" data-testid="powers-set-by">
                  {loginOf(o.setBy)}
                </Text>
                <Text size="xs" c="dimmed">
                  {o.setAt ? formatDateTime(o.setAt, lang) : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="light" onClick={() => onEdit(o)} data-testid="edit-powers">
                  {t('cusPowers.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A checkbox per form and the basis; the set saved replaces the one in force (an empty set: no form). */
function PowersEditor({ officer, onClose, onSaved }: { officer: OfficerPowers; onClose: () => void; onSaved: (officer: OfficerPowers) => void }) {
  const { t } = useTranslation();
  const [forms, setForms] = useState<ControlForm[]>(() => orderedForms(officer.forms));
  // A change rests on its own order: the basis starts empty rather than repeating the last one.
  const [basis, setBasis] = useState('');
  const save = useAction(() =>
    api('PUT /api/customs/control-powers/{accountId}', { params: { accountId: officer.accountId }, body: { forms: orderedForms(forms), basis: basis.trim() } }),
  );
  return (
    <CustomsModal
      title={t('cusPowers.editTitle', { name: officer.displayName })}
      opened
      onClose={onClose}
      action={save}
      onDone={onSaved}
      submitLabel={t('cusPowers.save')}
      isReady={basis.trim() !== ''}
      testId="powers-form"
    >
      <Checkbox.Group label={t('cusPowers.formsLabel')} value={forms} onChange={(v) => setForms(orderedForms(v.filter(isControlForm)))}>
        <Stack gap={8} mt={6}>
          {CONTROL_FORMS.map((f) => (
            <Checkbox key={f} value={f} name="control-form" label={t(`cusPowers.form.${f}`)} description={t(`cusPowers.acts.${f}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      {forms.length === 0 && (
        <Alert color="orange" variant="light" data-testid="powers-none-warning">
          {t('cusPowers.emptyWarning')}
        </Alert>
      )}
      <Textarea
        label={t('cusPowers.basis')}
        placeholder={t('cusPowers.basisHint')}
        name="basis"
        value={basis}
        onChange={(e) => setBasis(e.currentTarget.value)}
        maxLength={500}
        autosize
        minRows={2}
        required
      />
    </CustomsModal>
  );
}
