import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../lib/use-api.ts';
import { ProblemAlert } from './feedback.tsx';

type Props<T> = {
  readonly title: string;
  readonly opened: boolean;
  readonly onClose: () => void;
  /** The submission; its problem is shown in the form. */
  readonly action: Action<[], T>;
  readonly onDone: (result: T) => void;
  readonly submitLabel: string;
  readonly color?: string;
  readonly isReady?: boolean;
  /** Body fields shown next to their inputs (the rest are listed under the form). */
  readonly shownFields?: readonly string[];
  readonly children: ReactNode;
};

/** A decision in a dialog: a few fields, one button, the server's refusal next to the fields. */
export function ActionModal<T>({ title, opened, onClose, action, onDone, submitLabel, color, isReady = true, shownFields = [], children }: Props<T>) {
  const { t } = useTranslation();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await action.run();
    if (result !== undefined) onDone(result);
  };
  return (
    <Modal
      opened={opened}
      onClose={() => {
        action.reset();
        onClose();
      }}
      title={title}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {children}
          <ProblemAlert error={action.error} shownFields={shownFields} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
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
