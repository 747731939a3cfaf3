import { Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../api/client.ts';
import { dirams, formatDateTime, formatSomoni } from '../../lib/format.ts';
import { normaliseTotal, qrInstant, type ReceiptFields } from '../../lib/receipt-qr.ts';
import { useLang } from '../../lib/session.tsx';

export type CheckResult = Output<'GET /api/public/receipts/check'>;
type Receipt = NonNullable<CheckResult['receipt']>;

const TONE = { valid: 'green', mismatch: 'red', not_found: 'yellow', limited: 'orange' } as const;
const MARK = { valid: '✓', mismatch: '✕', not_found: '?', limited: '!' } as const;

/** A coloured panel with a large mark: the first thing a buyer sees after the camera opens the page. */
function Panel({ tone, title, children, status }: { tone: keyof typeof TONE; title: string; children: ReactNode; status: string }) {
  const color = TONE[tone];
  return (
    <Paper
      radius="lg"
      p={{ base: 'md', sm: 'lg' }}
      withBorder
      data-testid="verdict"
      data-status={status}
      role="status"
      style={{ borderColor: `var(--mantine-color-${color}-filled)`, borderWidth: 2, background: `var(--mantine-color-${color}-light)` }}
    >
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="center">
          <ThemeIcon size={48} radius="xl" color={color} aria-hidden="true" style={{ flexShrink: 0 }}>
            <Text fz={26} fw={800} c={tone === 'not_found' ? 'dark' : 'white'} lh={1}>
              {MARK[tone]}
            </Text>
          </ThemeIcon>
          <Title order={2} fz={{ base: 21, sm: 24 }} lh={1.2}>
            {title}
          </Title>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** Who issued the receipt, where, when and for how much: what the operator holds. */
function ReceiptDetails({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="receipt-details">
      <Row label={t('check.seller')} testId="receipt-business">
        {receipt.businessName}
      </Row>
      <Row label={t('field.tin')}>{receipt.businessTin}</Row>
      <Row label={t('check.place')}>{receipt.placeOfActivity}</Row>
      <Row label={t('check.registryNumber')}>{receipt.registryNumber}</Row>
      <Row label={t('check.document')}>{t('check.documentValue', { number: receipt.number, fm: receipt.fiscalModuleNumber })}</Row>
      {receipt.docType !== 'receipt' && (
        <Text size="sm" fw={600} c="orange.9">
          {t('check.notAReceipt')}
        </Text>
      )}
    </Stack>
  );
}

function Valid({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Panel tone="valid" status="valid" title={t('check.valid.title')}>
      <Text>{t('check.valid.text')}</Text>
      <Group gap="lg" wrap="wrap" align="flex-end">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t('check.mismatch.field.total')}
          </Text>
          <Text fz={30} fw={800} lh={1.1} data-testid="receipt-total">
            {t('money.somoni', { amount: formatSomoni(dirams(receipt.total), lang) })}
          </Text>
        </Stack>
        <Row label={t('check.issuedAt')}>{formatDateTime(receipt.issuedAt, lang)}</Row>
      </Group>
      <ReceiptDetails receipt={receipt} />
    </Panel>
  );
}

function Mismatch({ result, fields }: { result: CheckResult; fields: ReceiptFields }) {
  const { t } = useTranslation();
  const lang = useLang();
  const receipt = result.receipt;
  const printed = normaliseTotal(fields.total);
  const sides = (field: string): [string, string] => {
    const somoni = (text: string | undefined) => (text ? t('money.somoni', { amount: formatSomoni(dirams(text), lang) }) : '—');
    if (field === 'total') return [somoni(printed), somoni(receipt?.total)];
    if (field === 'issuedAt') return [formatDateTime(qrInstant(fields), lang), formatDateTime(receipt?.issuedAt, lang)];
    return [fields.fs, t('check.mismatch.signDiffers')];
  };
  const label = (field: string) => (field === 'total' || field === 'issuedAt' || field === 'fiscalSign' ? t(`check.mismatch.field.${field}`) : field);
  return (
    <Panel tone="mismatch" status="mismatch" title={t('check.mismatch.title')}>
      <Stack gap="sm" data-testid="mismatches">
        {result.mismatches.map((field) => {
          const [onReceipt, atOperator] = sides(field);
          return (
            <Paper key={field} p="sm" radius="md" withBorder data-field={field}>
              <Text fw={700} c="red.8">
                {label(field)}
              </Text>
              <Group gap="md" wrap="wrap" mt={4}>
                <Row label={t('check.mismatch.onReceipt')}>{onReceipt}</Row>
                <Row label={t('check.mismatch.atOperator')}>{atOperator}</Row>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <Text>{t('check.mismatch.text')}</Text>
      {receipt && (
        <Stack gap="xs">
          <Text fw={700}>{t('check.mismatch.recorded')}</Text>
          <ReceiptDetails receipt={receipt} />
        </Stack>
      )}
    </Panel>
  );
}

function NotFound({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Panel tone="not_found" status="not_found" title={t('check.notFound.title')}>
      <List spacing="xs">
        <List.Item>{t('check.notFound.typo')}</List.Item>
        <List.Item>{t('check.notFound.timing')}</List.Item>
        <List.Item>{t('check.notFound.kept')}</List.Item>
        <List.Item>{t('check.notFound.report')}</List.Item>
      </List>
      <Button size="lg" variant="white" color="dark" onClick={onRetry} fullWidth>
        {t('check.again')}
      </Button>
    </Panel>
  );
}

/** 429 with Retry-After: says how long to wait, counts down, then offers the check again. */
export function RateLimited({ seconds, onRetry }: { seconds: number; onRetry: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(Math.max(1, Math.ceil(seconds)));
  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);
  return (
    <Panel tone="limited" status="rate_limited" title={t('check.rateLimited.title')}>
      <Text>{left > 0 ? t('check.rateLimited.wait', { seconds: left }) : t('check.rateLimited.ready')}</Text>
      <Button size="lg" onClick={onRetry} disabled={left > 0} fullWidth color="orange">
        {t('check.again')}
      </Button>
    </Panel>
  );
}

/** The operator's answer, in words and colour. */
export function ReceiptVerdict({ result, fields, onRetry }: { result: CheckResult; fields: ReceiptFields; onRetry: () => void }) {
  if (result.status === 'valid' && result.receipt) return <Valid receipt={result.receipt} />;
  if (result.status === 'not_found') return <NotFound onRetry={onRetry} />;
  return <Mismatch result={result} fields={fields} />;
}
