import { Badge, Button, Group, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { formatDate, formatDateTime, formatSomoni } from '../../../lib/format.ts';
import { useLang } from '../../../lib/session.tsx';
import { useAction } from '../../../lib/use-api.ts';
import { daysLeft, EXPIRY_WARNING_DAYS, type EdsCertificate, isCertificateState, isTaxpayerKind } from './model.ts';
import { SaveFile } from './parts.tsx';

/** The approved price list in force (12.12.02); the reader's own kind is marked. */
export function EdsPriceTable({ prices, ownKind }: { prices: readonly { taxpayerKind: string; amountDirams: number | null }[]; ownKind?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table withTableBorder data-testid="eds-prices">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('svcId.eds.kind')}</Table.Th>
          <Table.Th ta="right">{t('svcId.eds.price')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {prices.map((p) => (
          <Table.Tr key={p.taxpayerKind} fw={p.taxpayerKind === ownKind ? 700 : undefined} data-kind={p.taxpayerKind}>
            <Table.Td>
              {isTaxpayerKind(p.taxpayerKind) ? t(`svcId.kind.${p.taxpayerKind}`) : p.taxpayerKind}
              {p.taxpayerKind === ownKind && (
                <Badge ml="xs" size="xs" variant="light">
                  {t('svcId.eds.yourKind')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td ta="right">
              {p.amountDirams === null
                ? t('svcId.eds.noPrice')
                : p.amountDirams === 0
                  ? t('svcId.eds.free')
                  : `${formatSomoni(p.amountDirams, lang)} ${t('svcId.eds.somoni')}`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const STATE_COLORS = { active: 'teal', expired: 'gray', revoked: 'red' } as const;

/** Validity to its end, and how many days remain when 30 or fewer (the reminders' window, TS-50). */
function Expiry({ c, now }: { c: EdsCertificate; now: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const left = daysLeft(c.notAfter, now);
  const isSoon = c.state === 'active' && left <= EXPIRY_WARNING_DAYS;
  return (
    <>
      <Text size="sm">{formatDate(c.notAfter, lang)}</Text>
      {isSoon && (
        <Text size="xs" c="orange.8" data-testid="expires-soon">
          {t('svcId.eds.daysLeft', { days: Math.max(0, left) })}
        </Text>
      )}
    </>
  );
}

/** A revocation with its reason in writing (the holder or an officer). */
function RevokeButton({ c, onDone }: { c: EdsCertificate; onDone: (c: EdsCertificate) => void }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const revoke = useAction(() => api('POST /api/tax-services/eds/certificates/{id}/revoke', { params: { id: c.id }, body: { reason: reason.trim() } }));
  return (
    <>
      <Button size="xs" color="red" variant="subtle" onClick={() => setOpen(true)} data-testid="revoke">
        {t('svcId.eds.revoke')}
      </Button>
      <ActionModal
        title={t('svcId.eds.revokeTitle', { serial: c.serialNumber })}
        opened={isOpen}
        onClose={() => setOpen(false)}
        action={revoke}
        onDone={(revoked) => {
          setOpen(false);
          onDone(revoked);
        }}
        submitLabel={t('svcId.eds.revoke')}
        color="red"
        isReady={reason.trim() !== ''}
        shownFields={['reason']}
      >
        <Text size="sm">{t('svcId.eds.revokeWarning')}</Text>
        <Textarea
          label={t('svcId.eds.revokeReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={revoke.error?.messageFor('reason')}
          autosize
          minRows={2}
          maxLength={500}
          required
        />
      </ActionModal>
    </>
  );
}

type TableProps = {
  readonly rows: readonly EdsCertificate[];
  readonly now: number;
  readonly onChanged: () => void;
  /** Officers see whose certificate it is. */
  readonly showTin?: boolean;
  /** The holder may renew an active certificate not yet renewed. */
  readonly onRenew?: (c: EdsCertificate) => void;
};

/** EDS certificates with their state, validity, the PEM to download and the revocation. */
export function EdsCertificatesTable({ rows, now, onChanged, showTin = false, onRenew }: TableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('svcId.eds.noCertificates')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder data-testid="eds-certificates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('svcId.eds.serial')}</Table.Th>
            {showTin && <Table.Th>{t('svcId.field.tin')}</Table.Th>}
            <Table.Th>{t('svcId.eds.subject')}</Table.Th>
            <Table.Th>{t('svcId.eds.state')}</Table.Th>
            <Table.Th>{t('svcId.eds.issuedAt')}</Table.Th>
            <Table.Th>{t('svcId.eds.validTo')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id} data-testid="eds-certificate" data-state={c.state}>
              <Table.Td ff="monospace" fz="xs" style={{ overflowWrap: 'anywhere' }}>
                {c.serialNumber}
              </Table.Td>
              {showTin && <Table.Td>{c.tin}</Table.Td>}
              <Table.Td fz="sm">{c.subject}</Table.Td>
              <Table.Td>
                <Badge color={isCertificateState(c.state) ? STATE_COLORS[c.state] : 'gray'} variant="light">
                  {isCertificateState(c.state) ? t(`svcId.eds.certState.${c.state}`) : '—'}
                </Badge>
                {c.renewedBy && (
                  <Text size="xs" c="dimmed">
                    {t('svcId.eds.renewed')}
                  </Text>
                )}
                {c.revokedAt && (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(c.revokedAt, lang)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td fz="sm">{formatDate(c.notBefore, lang)}</Table.Td>
              <Table.Td>
                <Expiry c={c} now={now} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <SaveFile bytes={c.certificatePem} fileName={`eds-${c.serialNumber}.pem`} mediaType="application/x-pem-file" size="xs">
                    {t('svcId.eds.downloadCertificate')}
                  </SaveFile>
                  {onRenew && c.state === 'active' && !c.renewedBy && (
                    <Button size="xs" variant="subtle" onClick={() => onRenew(c)} data-testid="renew">
                      {t('svcId.eds.renew')}
                    </Button>
                  )}
                  {c.state === 'active' && <RevokeButton c={c} onDone={onChanged} />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
