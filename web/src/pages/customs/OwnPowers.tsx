import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useSession } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { FormBadges } from './ControlPowersPage.tsx';

/**
 * Art.399 p.4 (CUS-CTL-04): the officer's own forms of control in one line, so the officer knows
 * which control acts the server will accept from them. Shows nothing until they are known.
 */
export function OwnPowers() {
  const { t } = useTranslation();
  const { principal } = useSession();
  const accountId = principal?.accountId;
  const own = useApi(
    () => (accountId ? api('GET /api/customs/control-powers/{accountId}', { params: { accountId } }) : Promise.resolve(undefined)),
    [accountId],
  );
  if (!own.data) return null;
  return (
    <Group gap={6} wrap="wrap" data-testid="own-powers">
      <Text size="xs" c="dimmed">
        {t('cusPowers.mine')}
      </Text>
      <FormBadges forms={own.data.forms} size="xs" />
    </Group>
  );
}
