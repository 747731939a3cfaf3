import { Alert, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { formatDate, formatDateTime, localised } from '../../lib/format.ts';
import { Link, navigate } from '../../lib/router.tsx';
import { useLang, useSession } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { Field } from '../customs/parts.tsx';
import { IndicatorSummary } from './IndicatorSummary.tsx';
import { actorName, bodyOf, type Profile, stepsFor, type Version } from './model.ts';
import { LaneBadge, RiskProblem, StateBadge, useRiskText } from './parts.tsx';
import { newProfileBody, ProfileForm } from './ProfileForm.tsx';
import { SimulationPanel } from './SimulationPanel.tsx';

/** A new profile: the editor, then the profile's page once the first draft is saved. */
export function NewProfilePage() {
  const { t } = useTranslation();
  return (
    <Stack maw={1200}>
      <PageHeader
        title={t('risk.title.newProfile')}
        actions={
          <Button variant="default" component={Link} to="/risk/profiles">
            {t('risk.action.back')}
          </Button>
        }
      />
      <ProfileForm initial={newProfileBody()} onSaved={(p) => navigate(`/risk/profiles/${p.id}`)} onCancel={() => navigate('/risk/profiles')} />
    </Stack>
  );
}

type Step = 'approve' | 'activate' | 'retire';

/**
 * One profile (art.428 i.5, art.429(2) p.2; CUS-RMS-21): its versions newest first with who wrote,
 * approved, activated and retired each; the selected version's content; the workflow (approval by
 * another analyst, activation within the validity period, retirement, a new version from a kept one);
 * and the simulation of a version on past declarations before it is applied.
 */
export function ProfilePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const loaded = useApi(() => api('GET /api/risk/profiles/{id}', { params: { id } }), [id]);
  const [fresh, setFresh] = useState<Profile>();
  const [selected, setSelected] = useState<number>();
  const [editing, setEditing] = useState<Version>();
  const profile = fresh ?? loaded.data;
  useEffect(() => {
    if (loaded.data) setFresh(undefined);
  }, [loaded.data]);
  const show = (p: Profile, version?: number) => {
    setFresh(p);
    setSelected(version ?? p.versions[0]?.version);
    setEditing(undefined);
  };
  return (
    <Stack maw={1300}>
      <PageHeader
        title={<span data-testid="profile-title">{profile ? t('risk.title.profile', { code: profile.code }) : t('risk.title.profiles')}</span>}
        actions={
          <Button variant="default" component={Link} to="/risk/profiles">
            {t('risk.action.back')}
          </Button>
        }
      />
      <Loadable state={{ ...loaded, data: profile }}>
        {(p) => {
          const version = p.versions.find((v) => v.version === selected) ?? p.versions[0];
          if (!version) return null;
          if (editing)
            return (
              <ProfileForm
                key={`${editing.version}:${editing.state}`}
                profileId={p.id}
                initial={bodyOf(editing)}
                title={
                  editing.state === 'draft' ? t('risk.title.editDraft', { version: editing.version }) : t('risk.title.newVersion', { version: editing.version })
                }
                onSaved={(saved) => show(saved)}
                onCancel={() => setEditing(undefined)}
              />
            );
          return (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <Stack>
                  <VersionCard profile={p} v={version} onChanged={(next) => show(next, version.version)} onEdit={() => setEditing(version)} />
                  <SimulationPanel key={version.version} profileId={p.id} version={version.version} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <History profile={p} selected={version.version} onSelect={setSelected} />
              </Grid.Col>
            </Grid>
          );
        }}
      </Loadable>
    </Stack>
  );
}

function VersionCard({ profile, v, onChanged, onEdit }: { profile: Profile; v: Version; onChanged: (p: Profile) => void; onEdit: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useRiskText();
  const { principal, role } = useSession();
  const isLatest = profile.versions[0]?.version === v.version;
  const steps = stepsFor(v, isLatest);
  const isAuthor = principal && role ? v.createdBy === actorName(role, principal.login) : false;
  const step = useAction((s: Step) => api(`POST /api/risk/profiles/{id}/versions/{version}/${s}`, { params: { id: profile.id, version: v.version } }));
  const run = async (s: Step) => {
    const next = await step.run(s);
    if (next) onChanged(next);
  };
  return (
    <Card withBorder radius="md" padding="lg" data-testid="version-card" data-version={v.version} data-state={v.state}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} fz={20}>
              {profile.code} · {t('risk.version.number', { version: v.version })}
            </Title>
            <Group gap="xs">
              <StateBadge state={v.state} />
              <LaneBadge lane={v.lane} />
              {v.isApplied && (
                <Badge color="teal" variant="dot" data-testid="applied">
                  {t('risk.list.applied')}
                </Badge>
              )}
            </Group>
          </Stack>
          <Group gap="xs" data-testid="workflow">
            {steps.edit && (
              <Button variant="default" onClick={onEdit} data-testid="step-edit">
                {t('risk.action.edit')}
              </Button>
            )}
            {steps.approve && (
              <Button color="cyan" onClick={() => void run('approve')} loading={step.isRunning} disabled={isAuthor} data-testid="step-approve">
                {t('risk.action.approve')}
              </Button>
            )}
            {steps.activate && (
              <Button color="teal" onClick={() => void run('activate')} loading={step.isRunning} data-testid="step-activate">
                {t('risk.action.activate')}
              </Button>
            )}
            {steps.retire && (
              <Button color="dark" variant="light" onClick={() => void run('retire')} loading={step.isRunning} data-testid="step-retire">
                {t('risk.action.retire')}
              </Button>
            )}
            {steps.newVersion && (
              <Button variant="default" onClick={onEdit} data-testid="step-new-version">
                {t('risk.action.newVersion')}
              </Button>
            )}
          </Group>
        </Group>
        {steps.approve && isAuthor && (
          <Alert color="gray" variant="light" data-testid="four-eyes">
            {t('risk.version.fourEyes')}
          </Alert>
        )}
        <RiskProblem error={step.error} />
        <Field label={t('risk.form.area')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="profile-area">
            {localised(v.area, lang)}
          </Text>
        </Field>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Field label={t('risk.form.categories')}>{v.categories.map(text.category).join('; ')}</Field>
          <Field label={t('risk.form.kind')}>{text.kind(v.kind)}</Field>
          <Field label={t('risk.form.subjects')}>{v.subjects.map(text.subject).join(', ')}</Field>
          <Field label={t('risk.form.selectionPercent')}>{v.selectionPercent} %</Field>
          <Field label={t('risk.form.level')} testId="profile-level">
            {text.tx(`risk.level.${v.level}`)}
          </Field>
          <Field label={t('risk.form.validity')}>
            {formatDate(v.validFrom, lang)} – {formatDate(v.validTo, lang)}
          </Field>
          <Field label={t('risk.form.measures')}>{v.measures.length > 0 ? v.measures.map(text.measure).join(', ') : '—'}</Field>
          <Field label={t('risk.builder.objects')}>{v.objects.map(text.object).join('; ')}</Field>
        </SimpleGrid>
        <Field label={t('risk.builder.title')}>
          <IndicatorSummary indicator={v.indicator} />
        </Field>
      </Stack>
    </Card>
  );
}

function History({ profile, selected, onSelect }: { profile: Profile; selected: number; onSelect: (v: number) => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={3} fz={16}>
          {t('risk.version.history')}
        </Title>
        <Table verticalSpacing="xs" highlightOnHover data-testid="version-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('risk.list.version')}</Table.Th>
              <Table.Th>{t('risk.list.state')}</Table.Th>
              <Table.Th>{t('risk.version.who')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {profile.versions.map((v) => (
              <Table.Tr
                key={v.version}
                onClick={() => onSelect(v.version)}
                style={{ cursor: 'pointer' }}
                bg={v.version === selected ? 'var(--mantine-color-blue-light)' : undefined}
                data-testid="version-row"
                data-version={v.version}
                data-state={v.state}
                aria-selected={v.version === selected}
              >
                <Table.Td fw={600}>{v.version}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <StateBadge state={v.state} />
                    <LaneBadge lane={v.lane} size="sm" />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Who label={t('risk.version.createdBy')} by={v.createdBy} at={v.updatedAt} testId="version-created-by" />
                    <Who label={t('risk.version.approvedBy')} by={v.approvedBy} at={v.approvedAt} testId="version-approved-by" />
                    <Who label={t('risk.version.activatedBy')} by={v.activatedBy} at={v.activatedAt} testId="version-activated-by" />
                    <Who label={t('risk.version.retiredBy')} by={v.retiredBy} at={v.retiredAt} testId="version-retired-by" />
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

/** One step of a version's history: who (the login, without the role) and when; nothing when the step has not happened. */
function Who({ label, by, at, testId }: { label: string; by: string | null; at: string | null; testId: string }) {
  const lang = useLang();
  if (!by) return null;
  return (
    <Text size="xs" data-testid={testId}>
      <Text span size="xs" c="dimmed">
        {label}:
      </Text>{' '}
      {by.replace(/^[a-z_]+:/, '')}, {formatDateTime(at, lang)}
    </Text>
  );
}
