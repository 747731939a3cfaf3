import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { formatDate, localised } from '../../lib/format.ts';
import { Link, navigate, useLocation } from '../../lib/router.tsx';
import { useLang } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { CONTROL_LANES, isProfileState, PROFILE_STATES, type ProfileListItem } from './model.ts';
import { LaneBadge, StateBadge, useRiskText } from './parts.tsx';

/**
 * The risk analyst's profiles (art.429(2) p.2-3; CUS-RMS-21, 22): by code, each with its latest
 * version's state, lane and validity and the version in force, filtered by state (any version in
 * it), lane, "applied today" and code. The filters live in the address, so a filtered list is a link.
 */
export function ProfilesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useRiskText();
  const { pathname, search } = useLocation();
  const state = search.get('state') ?? '';
  const lane = search.get('lane') ?? '';
  const code = search.get('code') ?? '';
  const isAppliedOnly = search.get('applied') === '1';
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    navigate(`${pathname}${query ? `?${query}` : ''}`, { replace: true });
  };
  const list = useApi(() => api('GET /api/risk/profiles', { query: isProfileState(state) ? { state } : {} }), [state]);
  // The API filters by state; lane, "applied today" and the code are narrowed here (docs/risk-ui.md).
  const shown = (rows: readonly ProfileListItem[]) =>
    rows.filter(
      (r) => (!lane || r.latest.lane === lane) && (!isAppliedOnly || r.isApplied) && (!code || r.code.toUpperCase().includes(code.trim().toUpperCase())),
    );
  return (
    <Stack>
      <PageHeader
        title={t('risk.title.profiles')}
        subtitle={t('risk.title.profilesSubtitle')}
        actions={
          <Button component={Link} to="/risk/profiles/new" data-testid="new-profile">
            {t('risk.action.new')}
          </Button>
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label={t('risk.list.search')} name="code-search" value={code} onChange={(e) => setFilter('code', e.currentTarget.value)} />
        <NativeSelect
          label={t('risk.list.state')}
          name="state-filter"
          value={state}
          onChange={(e) => setFilter('state', e.currentTarget.value)}
          data={[{ value: '', label: t('risk.list.anyState') }, ...PROFILE_STATES.map((s) => ({ value: s, label: text.state(s) }))]}
        />
        <NativeSelect
          label={t('risk.list.lane')}
          name="lane-filter"
          value={lane}
          onChange={(e) => setFilter('lane', e.currentTarget.value)}
          data={[{ value: '', label: t('risk.list.anyLane') }, ...CONTROL_LANES.map((l) => ({ value: l, label: text.lane(l) }))]}
        />
        <Checkbox
          label={t('risk.list.appliedOnly')}
          name="applied-only"
          checked={isAppliedOnly}
          onChange={(e) => setFilter('applied', e.currentTarget.checked ? '1' : '')}
          pb={8}
        />
      </Group>
      <Loadable state={list}>
        {(rows) => {
          const filtered = shown(rows);
          if (filtered.length === 0)
            return (
              <Text c="dimmed" ta="center" py="lg" data-testid="profiles-empty">
                {t('risk.list.empty')}
              </Text>
            );
          return (
            <Table.ScrollContainer minWidth={820}>
              <Table striped highlightOnHover verticalSpacing="sm" data-testid="profiles-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('risk.form.code')}</Table.Th>
                    <Table.Th>{t('risk.list.version')}</Table.Th>
                    <Table.Th>{t('risk.list.state')}</Table.Th>
                    <Table.Th>{t('risk.list.lane')}</Table.Th>
                    <Table.Th>{t('risk.list.level')}</Table.Th>
                    <Table.Th>{t('risk.list.validity')}</Table.Th>
                    <Table.Th>{t('risk.list.activeVersion')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {filtered.map((r) => (
                    <Table.Tr key={r.id} data-testid="profile-row" data-code={r.code} data-state={r.latest.state}>
                      <Table.Td>
                        <Anchor component={Link} to={`/risk/profiles/${r.id}`} fw={600} ff="monospace" size="sm">
                          {r.code}
                        </Anchor>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {localised(r.latest.area, lang)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{r.latest.version}</Table.Td>
                      <Table.Td>
                        <StateBadge state={r.latest.state} />
                      </Table.Td>
                      <Table.Td>
                        <LaneBadge lane={r.latest.lane} size="sm" />
                      </Table.Td>
                      <Table.Td>{r.latest.level}</Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {formatDate(r.latest.validFrom, lang)} – {formatDate(r.latest.validTo, lang)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {r.activeVersion === null ? (
                          '—'
                        ) : (
                          <Group gap={6}>
                            <Text size="sm">{r.activeVersion}</Text>
                            {r.isApplied && (
                              <Badge color="teal" variant="dot" size="sm">
                                {t('risk.list.applied')}
                              </Badge>
                            )}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          );
        }}
      </Loadable>
    </Stack>
  );
}
