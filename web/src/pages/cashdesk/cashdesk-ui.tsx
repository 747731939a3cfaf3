/**
 * Pieces shared by the cash register's pages: money and quantities in the interface language, the
 * localised list of every problem of a refused sale, refund or import, the QR code, and the
 * register's status bar (FIS-IMP-39: module, memory, clock, link and pending offline data).
 */
import { Alert, Badge, Button, Group, List, Paper, Text, Tooltip } from '@mantine/core';
import { create } from 'qrcode';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import type { CashdeskStatus } from '../../api/types.gen.ts';
import { ProblemAlert } from '../../components/feedback.tsx';
import { useLegalRef } from '../../components/status.tsx';
import { formatDateTime, formatSomoni } from '../../lib/format.ts';
import { formatQuantity } from '../../lib/pos-cart.ts';
import { useLang } from '../../lib/session.tsx';

/** Dirams as somoni in the interface language. */
export function useMoney(): (dirams: number | null | undefined) => string {
  const lang = useLang();
  return (d) => formatSomoni(d, lang);
}

const UNITS = ['piece', 'pack', 'service', 'kg', 'litre', 'metre', 'm2', 'm3'] as const;
export type Unit = (typeof UNITS)[number];
export const isUnit = (u: string): u is Unit => (UNITS as readonly string[]).includes(u);
export const UNIT_LIST: readonly Unit[] = UNITS;

/** "2,5 кг": thousandths of a unit with the unit's short name. */
export function useQuantityText(): (thousandths: number, unit: string) => string {
  const { t } = useTranslation();
  const lang = useLang();
  return (q, unit) => `${formatQuantity(q, lang)} ${isUnit(unit) ? t(`pos.unit.${unit}`) : unit}`;
}

const TAX_KINDS = ['vat', 'simplified', 'none'] as const;
export const TAX_KIND_LIST: readonly (typeof TAX_KINDS)[number][] = TAX_KINDS;

/** "ААИ 14%", "Бе андоз". */
export function useTaxText(): (kind: string, rateBp: number) => string {
  const { t } = useTranslation();
  return (kind, rateBp) => {
    const name = (TAX_KINDS as readonly string[]).includes(kind) ? t(`pos.taxKind.${kind as (typeof TAX_KINDS)[number]}`) : kind;
    return kind === 'none' ? name : `${name} ${rateBp / 100}%`;
  };
}

type Problem = { readonly field?: string; readonly code: string; readonly line?: number; readonly details?: Record<string, unknown> };

const problemsOf = (error: ApiError | undefined): Problem[] => {
  const list = error?.details?.problems;
  return Array.isArray(list) ? (list as Problem[]).filter((p) => typeof p?.code === 'string') : [];
};

/** The refusal with every problem of `details.problems` in the interface language. */
export function CashdeskProblem({ error }: { error: ApiError | undefined }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const problems = problemsOf(error);
  const reasons = Array.isArray(error.details?.reasons) ? (error.details.reasons as Problem[]) : [];
  const text = (code: string) => (i18n.exists(`pos.problem.${code}`) ? dynamicT(t)(`pos.problem.${code}`) : reasonText(dynamicT(t), i18n, code));
  return (
    <Alert color="red" variant="light" title={error.title} role="alert" data-testid="problem" data-code={error.code}>
      <Text size="xs" c="dimmed" ff="monospace">
        {error.code}
      </Text>
      {(problems.length > 0 || reasons.length > 1) && (
        <List size="sm" mt={4}>
          {[...problems, ...reasons].map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a refusal's list never changes; two problems may share field and code
            <List.Item key={`${p.field ?? ''}-${p.code}-${i}`} data-code={p.code}>
              {p.line !== undefined && `${t('pos.catalogue.line', { line: p.line })}: `}
              {p.field && p.line !== undefined ? `${p.field} · ` : ''}
              {text(p.code)}
              {typeof p.details?.code === 'string' ? ` (${p.details.code})` : ''}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** A translation function over keys known only at run time (codes from the server). */
export type DynamicT = (key: string) => string;
export const dynamicT = (t: unknown): DynamicT => t as DynamicT;
const reasonText = (t: DynamicT, i18n: { exists: (key: string) => boolean }, code: string): string =>
  i18n.exists(`pos.reason.${code}`) ? t(`pos.reason.${code}`) : code;

/** Falls back to the generic alert for refusals that carry no list. */
export function AnyProblem({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  return problemsOf(error).length > 0 || Array.isArray(error.details?.reasons) ? <CashdeskProblem error={error} /> : <ProblemAlert error={error} />;
}

/**
 * The receipt's QR code (p.9 field 17) drawn as SVG squares from the `qrcode` library's matrix, level M
 * as the printer prints it. `size` is a CSS length: 32 mm in print (FIS-RCT-28: at least 30 × 30 mm).
 */
export function QrCode({ text, size = '220px', label }: { text: string; size?: string; label: string }) {
  const path = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    const parts: string[] = [];
    for (let y = 0; y < modules.size; y++) for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) parts.push(`M${x + 4} ${y + 4}h1v1h-1z`);
    return { d: parts.join(''), extent: modules.size + 8 };
  }, [text]);
  return (
    <svg
      className="receipt-qr"
      role="img"
      aria-label={label}
      data-testid="receipt-qr"
      data-qr={text}
      viewBox={`0 0 ${path.extent} ${path.extent}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      style={{ background: 'white' }}
    >
      <path d={path.d} fill="black" />
    </svg>
  );
}

/** "5 ч 12 мин" style time left, from milliseconds. */
function hoursMinutes(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Link, offline time left (p.36), queue, module memory, shift and clock, then every reason the register may not work. */
export function StatusBar({ status, onSync, isSyncing }: { status: CashdeskStatus; onSync: () => void; isSyncing: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const legal = useLegalRef();
  const { link, offline, queue, module, shift, clock } = status;
  const memory = module.memory;
  const isMemoryLow = memory ? memory.free < memory.capacity * 0.05 : false;
  return (
    <Paper withBorder p="xs" radius="md" data-testid="pos-status" aria-label={t('pos.status.title')} className="no-print">
      <Group gap="xs" wrap="wrap">
        <Badge size="lg" color={link.isOnline ? 'teal' : 'orange'} variant="filled" data-testid="link-state" data-online={String(link.isOnline)}>
          {link.isOnline ? t('pos.status.online') : t('pos.status.offline')}
        </Badge>
        {offline && (
          <Badge size="lg" color={offline.isStopped ? 'red' : 'orange'} variant="light" data-testid="offline-left">
            {offline.isStopped ? t('pos.status.offlineStopped') : t('pos.status.offlineLeft', { time: hoursMinutes(offline.msLeft) })}
          </Badge>
        )}
        <Badge size="lg" color={queue.length > 0 ? 'orange' : 'gray'} variant="light" data-testid="queue-length">
          {t('pos.status.queue', { count: queue.length })}
          {queue.refused > 0 ? `, ${t('pos.status.refused', { count: queue.refused })}` : ''}
        </Badge>
        {memory && (
          <Badge size="lg" color={isMemoryLow ? 'red' : 'gray'} variant="light" data-testid="module-memory">
            {t('pos.status.memory', { used: memory.used, capacity: memory.capacity })}
          </Badge>
        )}
        <Badge size="lg" color={shift?.isOpen ? 'blue' : 'gray'} variant="light" data-testid="shift-state">
          {shift?.isOpen
            ? `${t('pos.status.shift', { number: shift.number })} · ${t('pos.status.shiftReceipts', { count: shift.receiptCount })}${shift.closeBy ? ` · ${t('pos.status.closeBy', { time: formatDateTime(shift.closeBy, lang) })}` : ''}`
            : t('pos.status.noShift')}
        </Badge>
        {clock.offsetMs !== null && Math.abs(clock.offsetMs) >= 1000 && (
          <Badge size="lg" color="gray" variant="light">
            {t('pos.status.clock', { seconds: Math.round(clock.offsetMs / 1000) })}
          </Badge>
        )}
        {queue.length > 0 && (
          <Button size="xs" variant="light" onClick={onSync} loading={isSyncing} data-testid="sync">
            {t('pos.status.sync')}
          </Button>
        )}
      </Group>
      {(status.reasons.length > 0 || status.warnings.length > 0) && (
        <List size="sm" mt="xs" data-testid="pos-reasons">
          {status.reasons.map((r) => (
            <List.Item key={r.code} c="red.8" data-code={r.code}>
              <Tooltip label={legal(r.ref)}>
                <span>
                  {reasonText(dynamicT(t), i18n, r.code)} ({legal(r.ref)})
                </span>
              </Tooltip>
            </List.Item>
          ))}
          {status.warnings.map((w) => (
            <List.Item key={w.code} c="orange.8" data-code={w.code}>
              {reasonText(dynamicT(t), i18n, w.code)} ({legal(w.ref)})
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
