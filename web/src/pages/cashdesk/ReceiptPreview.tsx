import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CashdeskReceipt } from '../../api/types.gen.ts';
import { Loadable } from '../../components/feedback.tsx';
import { Link } from '../../lib/router.tsx';
import { useApi } from '../../lib/use-api.ts';
import { QrCode, useMoney } from './cashdesk-ui.tsx';

const DELIVERY_COLORS = { accepted: 'teal', queued: 'orange', refused: 'red' } as const;

/**
 * After a sale or refund: the change in big figures, the 32-column text the printer prints (from the
 * API, in Tajik as on paper, FIS-RCT-09), the QR code (p.9 field 17) and the buyer's e-receipt link.
 * Enter starts the next sale.
 */
export function ReceiptPreview({
  registerId,
  receipt,
  onNext,
  nextLabel,
}: {
  registerId: string;
  receipt: CashdeskReceipt;
  onNext: () => void;
  nextLabel?: string;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const next = useRef<HTMLButtonElement>(null);
  const { number } = receipt.document;
  const text = useApi(
    async () => String(await api('GET /api/cashdesk/registers/{id}/receipts/{number}/print/text', { params: { id: registerId, number } })),
    [registerId, number],
  );
  const base = `/api/cashdesk/registers/${encodeURIComponent(registerId)}/receipts/${number}/print`;
  const isRefund = receipt.document.operation === 'refund';

  useEffect(() => next.current?.focus(), []);

  return (
    <Stack gap="md" data-testid="receipt-preview" data-number={number}>
      <Group justify="space-between" className="no-print" wrap="wrap">
        <Group gap="sm">
          <Title order={2} fz="xl">
            {t('pos.receipt.title', { number: receipt.document.receiptNumber })}
          </Title>
          <Badge size="lg" color={DELIVERY_COLORS[receipt.delivery.status]} data-testid="delivery-status" data-status={receipt.delivery.status}>
            {t(`pos.receipt.delivery.${receipt.delivery.status}`, { code: receipt.delivery.code ?? '' })}
          </Badge>
        </Group>
        <Button ref={next} size="xl" onClick={onNext} data-testid="next-sale">
          {nextLabel ?? t('pos.receipt.next')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} className="no-print">
        <Paper withBorder p="md" radius="md" bg={isRefund ? 'orange.0' : 'teal.0'}>
          <Text size="lg" c="dimmed">
            {isRefund ? t('pos.refund.cashOut') : t('pos.sale.change')}
          </Text>
          <Text fz={56} fw={800} lh={1.1} data-testid="change-amount" data-dirams={isRefund ? receipt.cashOut : receipt.change}>
            {money(isRefund ? receipt.cashOut : receipt.change)}
          </Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="lg" c="dimmed">
            {isRefund ? t('pos.refund.total') : t('pos.sale.total')}
          </Text>
          <Text fz={40} fw={700} lh={1.1} data-testid="receipt-total">
            {money(receipt.document.total)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('pos.sale.tax')}: {money(receipt.document.taxTotal)}
          </Text>
        </Paper>
      </SimpleGrid>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Paper withBorder p="sm" radius={0} className="receipt-paper" aria-label={t('pos.receipt.preview')}>
          <Text size="xs" c="dimmed" className="no-print" mb={4}>
            {t('pos.receipt.preview')}
          </Text>
          <Loadable state={text}>
            {(body) => (
              <pre className="receipt-text" data-testid="receipt-text">
                {body}
              </pre>
            )}
          </Loadable>
          <div className="receipt-qr-box">
            <QrCode text={receipt.qr} label={t('pos.receipt.qr')} />
          </div>
        </Paper>
        <Stack gap="xs" className="no-print">
          <Text fw={600}>{t('pos.receipt.qr')}</Text>
          {receipt.eReceiptUrl && (
            <Anchor href={receipt.eReceiptUrl} target="_blank" rel="noopener" data-testid="e-receipt-link" size="lg">
              {t('pos.receipt.eReceipt')} ↗
            </Anchor>
          )}
          <Group gap="xs">
            <Button size="md" variant="default" onClick={() => window.print()}>
              {t('pos.receipt.print')}
            </Button>
            <Button size="md" variant="default" component="a" href={`${base}/pdf`} target="_blank" rel="noopener" data-testid="receipt-pdf">
              {t('pos.receipt.pdf')}
            </Button>
            <Button size="md" variant="default" component="a" href={`${base}/escpos`} download={`receipt-${number}.bin`}>
              {t('pos.receipt.escpos')}
            </Button>
          </Group>
          {!isRefund && (
            <Anchor component={Link} to={`/my/cashdesk/${registerId}/refund?n=${number}`}>
              {t('pos.receipt.refund')}
            </Anchor>
          )}
        </Stack>
      </Group>
    </Stack>
  );
}
