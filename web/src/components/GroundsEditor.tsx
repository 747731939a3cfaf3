import { ActionIcon, Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** One ground being written; `key` only keeps React's rows stable while they are added and removed. */
export type GroundInput = { code: 'DOCUMENTS_INCOMPLETE' | 'DATA_DISCREPANCY'; detail: string; key: number };
let nextKey = 0;
export const newGround = (code: GroundInput['code'] = 'DOCUMENTS_INCOMPLETE'): GroundInput => ({ code, detail: '', key: ++nextKey });
const CODES: readonly GroundInput['code'][] = ['DOCUMENTS_INCOMPLETE', 'DATA_DISCREPANCY'];

/** Refusal grounds with their exact detail (p.103, p.114): every one is stated in the letter. */
export function GroundsEditor({ value, onChange, error }: { value: GroundInput[]; onChange: (v: GroundInput[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<GroundInput>) => onChange(value.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  return (
    <Stack gap="sm">
      {value.map((g, i) => (
        <Group key={g.key} align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ flex: 1 }}>
            <NativeSelect
              label={t('ground.one')}
              value={g.code}
              onChange={(e) => set(i, { code: CODES.find((c) => c === e.currentTarget.value) ?? 'DOCUMENTS_INCOMPLETE' })}
              data={CODES.map((c) => ({ value: c, label: t(`ground.${c}`) }))}
            />
            <Textarea
              label={t('tscApp.groundDetail')}
              value={g.detail}
              onChange={(e) => set(i, { detail: e.currentTarget.value })}
              autosize
              minRows={2}
              required
              error={i === 0 ? error : undefined}
            />
          </Stack>
          {value.length > 1 && (
            <ActionIcon variant="subtle" color="red" mt={28} aria-label={t('action.cancel')} onClick={() => onChange(value.filter((_, j) => j !== i))}>
              ✕
            </ActionIcon>
          )}
        </Group>
      ))}
      <Group>
        <Button variant="subtle" size="xs" onClick={() => onChange([...value, newGround('DATA_DISCREPANCY')])}>
          + {t('tscApp.addGround')}
        </Button>
      </Group>
    </Stack>
  );
}

export const groundsReady = (grounds: readonly GroundInput[]) => grounds.length > 0 && grounds.every((g) => g.detail.trim() !== '');
