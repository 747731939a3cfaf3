import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../lib/use-api.ts';
import { CustomsProblem } from './parts.tsx';

type Props<T> = {
  readonly title: string;
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly action: Action<[], T>;
  readonly onDone: (result: T) => void;
  readonly submitLabel: string;
  readonly color?: string;
  readonly isReady?: boolean;
  readonly testId?: string;
  readonly children: ReactNode;
};

/** A customs decision in a dialog; the refusal lists its reasons or unmet conditions in the interface language. */
export function CustomsModal<T>({ title, opened, onClose, action, onDone, submitLabel, color, isReady = true, testId, children }: Props<T>) {
  const { t } = useTranslation();
  const close = () => {
    action.reset();
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await action.run();
    if (result !== undefined) onDone(result);
  };
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <form onSubmit={submit} noValidate data-testid={testId}>
        <Stack>
          {children}
          <CustomsProblem error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" color={color} loading={action.isRunning} disabled={!isReady}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
