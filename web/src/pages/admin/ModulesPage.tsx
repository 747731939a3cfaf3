import { Button, Card, Grid, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { PageHeader, ProblemAlert } from '../../components/feedback.tsx';
import { ModulesTable } from '../../components/ModulesTable.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';

type Line = { number: string; manufacturerNumber: string };

/** "number; manufacturer number" per line (a comma or tab also separates); returns the bad line numbers. */
export function parseBatch(text: string): { modules: Line[]; bad: number[] } {
  const modules: Line[] = [];
  const bad: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [number, manufacturerNumber] = line.split(/\s*[;,\t]\s*/);
    if (number && manufacturerNumber) modules.push({ number, manufacturerNumber });
    else bad.push(i + 1);
  });
  return { modules, bad };
}

/** Operator administrator: supply fiscal modules to a TSC (p.56) and follow their custody. */
export function ModulesPage() {
  const { t } = useTranslation();
  const tscs = useApi(() => api('GET /api/fiscal/tscs', { query: { status: 'included', limit: 200 } }), []);
  const [tscId, setTscId] = useState('');
  const [text, setText] = useState('');
  const [reloadKey, setReloadKey] = useState(0);
  const chosen = tscId || tscs.data?.[0]?.id || '';
  const { modules, bad } = parseBatch(text);
  const supply = useAction(() => api('POST /api/fiscal/tscs/{id}/fiscal-modules', { params: { id: chosen }, body: { modules } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await supply.run()) {
      setText('');
      setReloadKey((k) => k + 1);
    }
  };
  return (
    <Stack>
      <PageHeader title={t('nav.adminModules')} subtitle={t('module.subtitle')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <Card withBorder radius="md" padding="lg">
            <form onSubmit={submit} noValidate>
              <Stack>
                <Title order={2} fz={18}>
                  {t('module.supply')}
                </Title>
                <NativeSelect
                  label={t('field.tsc')}
                  value={chosen}
                  onChange={(e) => setTscId(e.currentTarget.value)}
                  data={(tscs.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                />
                <Textarea
                  label={t('module.batch')}
                  placeholder={'FM00000001; M-0001\nFM00000002; M-0002'}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  autosize
                  minRows={5}
                  ff="monospace"
                  error={bad.length > 0 ? bad.map((line) => t('module.batchInvalid', { line })).join('; ') : supply.error?.messageFor('modules')}
                />
                <Text size="sm" c="dimmed">
                  {t('field.count')}: {modules.length}
                </Text>
                <ProblemAlert error={supply.error} shownFields={['modules']} />
                <Group justify="flex-end">
                  <Button type="submit" loading={supply.isRunning} disabled={!chosen || modules.length === 0 || bad.length > 0}>
                    {t('module.supply')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 8 }}>{chosen && <ModulesTable tscId={chosen} reloadKey={reloadKey} />}</Grid.Col>
      </Grid>
    </Stack>
  );
}
