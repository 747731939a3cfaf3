import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { Loadable, PageHeader, ProblemAlert } from '../../../components/feedback.tsx';
import { formatDateTime, formatMonth, todayInDushanbe } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { useLang, useSession } from '../../../lib/session.tsx';
import { useAction, useApi } from '../../../lib/use-api.ts';
import { monthsUpTo } from '../model.ts';
import { newestOf } from './model.ts';

/** One month's note as GET /api/tax-services/quality-notes lists it (application/monthly-note.ts, listQualityNotes). */
type NoteFile = { id: string; fileName: string; mediaType: string; createdAt: string };
type NoteRow = {
  year: number;
  month: number;
  revision: number;
  generatedAt: string;
  requestId: string;
  number: string;
  dueAt: string | null;
  completedAt: string | null;
  isLate: boolean | null;
  files: NoteFile[];
};
type Made = { number: string; revision: number };

const monthKey = (n: { year: number; month: number }) => `${n.year}-${String(n.month).padStart(2, '0')}`;

function FileLink({ requestId, file, label }: { requestId: string; file: NoteFile | undefined; label: string }) {
  if (!file) return null;
  return (
    <Anchor href={`/api/tax-services/requests/${requestId}/results/${file.id}`} download={file.fileName} size="sm" data-testid={`note-${label.toLowerCase()}`}>
      {label}
    </Anchor>
  );
}

/**
 * The monthly information notes on service quality (10.10.03, TS-33): the worker makes each month's
 * note after it ends, due by the 10th of the next; the TSD downloads it as PDF and JSON and can make
 * it again (a new revision on the same request, so the month keeps one on-time record).
 */
export function QualityNotesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useSession();
  const canMake = role === 'service_officer';
  const [month, setMonth] = useState(() => monthsUpTo(todayInDushanbe().slice(0, 7), 2)[1] ?? '');
  const [made, setMade] = useState<Made>();
  const notes = useApi(async () => (await api('GET /api/tax-services/quality-notes')) as unknown as NoteRow[], []);
  const generate = useAction((year: number, m: number) => api('POST /api/tax-services/quality-notes/{year}/{month}', { params: { year, month: m } }));
  const run = async (year: number, m: number) => {
    setMade(undefined);
    const done = await generate.run(year, m);
    if (done) {
      setMade({ number: done.number, revision: done.revision });
      notes.reload();
    }
  };
  const onMake = (e: FormEvent) => {
    e.preventDefault();
    const [y, m] = month.split('-').map(Number);
    if (y && m) void run(y, m);
  };
  return (
    <Stack maw={1100}>
      <PageHeader title={t('svq.notes.title')} subtitle={t('svq.notes.subtitle')} />
      {canMake && (
        <Card withBorder radius="md" padding="md">
          <form onSubmit={onMake}>
            <Group align="flex-end">
              <TextInput type="month" label={t('svq.notes.makeTitle')} value={month} onChange={(e) => setMonth(e.currentTarget.value)} name="month" />
              <Button type="submit" loading={generate.isRunning} disabled={!/^\d{4}-\d{2}$/.test(month)} data-testid="make-note">
                {t('svq.notes.make')}
              </Button>
            </Group>
          </form>
        </Card>
      )}
      {made && (
        <Alert color="teal" variant="light" data-testid="note-made">
          {t('svq.notes.made', { number: made.number, revision: made.revision })}
        </Alert>
      )}
      <ProblemAlert error={generate.error} />
      <Loadable state={notes}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg">
              {t('svq.notes.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing="sm" data-testid="quality-notes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('svq.notes.month')}</Table.Th>
                    <Table.Th>{t('svc.field.number')}</Table.Th>
                    <Table.Th>{t('svq.notes.revision')}</Table.Th>
                    <Table.Th>{t('svq.notes.generated')}</Table.Th>
                    <Table.Th>{t('svq.notes.due')}</Table.Th>
                    <Table.Th>{t('svq.notes.files')}</Table.Th>
                    {canMake && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((n) => (
                    <Table.Tr key={monthKey(n)} data-testid="note-row" data-month={monthKey(n)}>
                      <Table.Td fw={600}>{formatMonth(monthKey(n), lang)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/services/queue/${n.requestId}`} ff="monospace" size="sm">
                          {n.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{n.revision}</Table.Td>
                      <Table.Td>{formatDateTime(n.generatedAt, lang)}</Table.Td>
                      <Table.Td>
                        {formatDateTime(n.dueAt, lang)}{' '}
                        {n.isLate !== null && (
                          <Badge size="xs" variant="light" color={n.isLate ? 'red' : 'teal'}>
                            {n.isLate ? t('svc.sla.met_late') : t('svc.sla.met')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="sm">
                          <FileLink requestId={n.requestId} file={newestOf(n.files, 'application/pdf')} label="PDF" />
                          <FileLink requestId={n.requestId} file={newestOf(n.files, 'application/json')} label="JSON" />
                        </Group>
                      </Table.Td>
                      {canMake && (
                        <Table.Td>
                          <Button size="xs" variant="light" loading={generate.isRunning} onClick={() => void run(n.year, n.month)}>
                            {t('svq.notes.regenerate')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </Loadable>
    </Stack>
  );
}
