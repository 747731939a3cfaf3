import { Button, FileInput, Group, NativeSelect, SimpleGrid, Stack, Tabs, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Operations } from '../../api/types.gen.ts';
import { ActionModal } from '../../components/ActionModal.tsx';
import { PageHeader } from '../../components/feedback.tsx';
import { fileToBase64, mediaTypeOf } from '../../lib/files.ts';
import { useSession } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { BranchesTable } from '../admin/BranchesPage.tsx';
import { SpecialistsTable } from '../admin/SpecialistsPage.tsx';

type Person = Operations['POST /api/fiscal/tscs/{id}/specialists']['body'];
const blankPerson = (): Person => ({ fullName: '', certificateNumber: '', certificateIssuer: '', login: '' });
const isPersonReady = (p: Person) => [p.fullName, p.certificateNumber, p.certificateIssuer, p.login].every((v) => v.trim() !== '');

function PersonFields({ value, onChange, prefix }: { value: Person; onChange: (p: Person) => void; prefix: string }) {
  const { t } = useTranslation();
  const field = (k: 'fullName' | 'certificateNumber' | 'certificateIssuer' | 'login') => (
    <TextInput label={t(`field.${k}`)} name={`${prefix}${k}`} value={value[k]} onChange={(e) => onChange({ ...value, [k]: e.currentTarget.value })} required />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {field('fullName')}
      {field('login')}
      {field('certificateNumber')}
      {field('certificateIssuer')}
    </SimpleGrid>
  );
}

async function certificate(file: File | null) {
  return file ? [{ kind: 'specialist_certificate' as const, fileName: file.name, mediaType: mediaTypeOf(file), contentBase64: await fileToBase64(file) }] : [];
}

/** TSC specialist: regional branches (p.112-120) and qualified specialists (p.53) of the own TSC. */
export function TscRequestsPage() {
  const { t } = useTranslation();
  const { principal } = useSession();
  const tscId = principal?.orgId ?? '';
  const [dialog, setDialog] = useState<'branch' | 'specialist'>();
  const [reloadKey, setReloadKey] = useState(0);
  const [branch, setBranch] = useState({ name: '', region: '', address: '', phone: '' });
  const [person, setPerson] = useState<Person>(blankPerson);
  const [file, setFile] = useState<File | null>(null);
  const branches = useApi(() => api('GET /api/fiscal/branches', { query: { tscId: tscId || undefined, status: 'registered' } }), [tscId, reloadKey]);
  const requestBranch = useAction(async () =>
    api('POST /api/fiscal/tscs/{id}/branches', { params: { id: tscId }, body: { ...branch, specialist: person, attachments: await certificate(file) } }),
  );
  const applySpecialist = useAction(async () =>
    api('POST /api/fiscal/tscs/{id}/specialists', {
      params: { id: tscId },
      body: { ...person, branchId: person.branchId || undefined, attachments: await certificate(file) },
    }),
  );
  const open = (d: 'branch' | 'specialist') => {
    setPerson(blankPerson());
    setFile(null);
    setDialog(d);
  };
  const done = () => {
    setDialog(undefined);
    setReloadKey((k) => k + 1);
  };
  const certificateInput = (
    <FileInput label={t('tscApp.doc.specialist_certificate')} placeholder={t('wizard.attachFile')} value={file} onChange={setFile} clearable />
  );
  return (
    <Stack>
      <PageHeader
        title={t('nav.tscRequests')}
        actions={
          <Group gap="xs">
            <Button variant="light" onClick={() => open('branch')}>
              {t('branch.request')}
            </Button>
            <Button variant="light" onClick={() => open('specialist')}>
              {t('specialist.apply')}
            </Button>
          </Group>
        }
      />
      <Tabs defaultValue="branches" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="branches">{t('nav.adminBranches')}</Tabs.Tab>
          <Tabs.Tab value="specialists">{t('nav.adminSpecialists')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="branches" pt="md">
          <BranchesTable tscId={tscId || undefined} reloadKey={reloadKey} />
        </Tabs.Panel>
        <Tabs.Panel value="specialists" pt="md">
          <SpecialistsTable tscId={tscId || undefined} reloadKey={reloadKey} />
        </Tabs.Panel>
      </Tabs>
      <ActionModal
        title={t('branch.request')}
        opened={dialog === 'branch'}
        onClose={() => setDialog(undefined)}
        action={requestBranch}
        onDone={done}
        submitLabel={t('action.submit')}
        isReady={[branch.name, branch.region, branch.address, branch.phone].every((v) => v.trim() !== '') && isPersonReady(person)}
        shownFields={['name', 'region', 'address', 'phone']}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {(['name', 'region', 'address', 'phone'] as const).map((k) => (
            <TextInput
              key={k}
              label={t(`field.${k}`)}
              value={branch[k]}
              onChange={(e) => setBranch({ ...branch, [k]: e.currentTarget.value })}
              error={requestBranch.error?.messageFor(k)}
              required
            />
          ))}
        </SimpleGrid>
        <PersonFields value={person} onChange={setPerson} prefix="branch-" />
        {certificateInput}
      </ActionModal>
      <ActionModal
        title={t('specialist.apply')}
        opened={dialog === 'specialist'}
        onClose={() => setDialog(undefined)}
        action={applySpecialist}
        onDone={done}
        submitLabel={t('action.submit')}
        isReady={isPersonReady(person)}
      >
        <PersonFields value={person} onChange={setPerson} prefix="" />
        <NativeSelect
          label={t('specialist.branch')}
          value={person.branchId ?? ''}
          onChange={(e) => setPerson({ ...person, branchId: e.currentTarget.value || undefined })}
          data={[{ value: '', label: t('specialist.headOffice') }, ...(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))]}
        />
        {certificateInput}
      </ActionModal>
    </Stack>
  );
}
