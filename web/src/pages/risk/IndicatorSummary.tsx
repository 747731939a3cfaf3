import { Code, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fromIndicator, type Node } from './model.ts';
import { useRiskText } from './parts.tsx';

/** A stored indicator read as words ("Commodity code starts with 8703"), combinations as nested lists, and its JSON. */
export function IndicatorSummary({ indicator }: { indicator: unknown }) {
  const parsed = fromIndicator(indicator);
  return (
    <Stack gap="xs" data-testid="indicator-summary">
      {parsed.ok && <NodeText node={parsed.node} />}
      <details>
        <summary>
          <Text span size="xs" c="dimmed">
            JSON
          </Text>
        </summary>
        <Code block fz={11} data-testid="indicator-summary-json">
          {JSON.stringify(indicator, null, 2)}
        </Code>
      </details>
    </Stack>
  );
}

function NodeText({ node }: { node: Node }) {
  const { t } = useTranslation();
  const text = useRiskText();
  switch (node.op) {
    case 'all':
    case 'any':
      return (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t(`risk.builder.${node.op}`)}
          </Text>
          <List size="sm" withPadding>
            {node.of.map((part, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a stored indicator do not move
              <List.Item key={i}>
                <NodeText node={part} />
              </List.Item>
            ))}
          </List>
        </Stack>
      );
    case 'not':
      return (
        <Stack gap={2}>
          <Text size="sm" fw={600} c="grape">
            {t('risk.builder.not')}
          </Text>
          <List size="sm" withPadding>
            <List.Item>
              <NodeText node={node.of} />
            </List.Item>
          </List>
        </Stack>
      );
    case 'compare':
      return (
        <Text size="sm">
          {text.what(node.field)} {text.tx(`risk.cmp.${node.cmp}`)} <b>{node.value ?? '—'}</b>
        </Text>
      );
    case 'below_reference':
      return (
        <Text size="sm">
          {text.what(node.op)}: {node.table} × {node.ratio ?? '—'}
        </Text>
      );
    case 'missing_document':
      return (
        <Text size="sm">
          {text.what(node.op)}: <b>{node.typeCode}</b>
        </Text>
      );
    case 'first_time':
    case 'route_deviation':
      return <Text size="sm">{text.what(node.op)}</Text>;
    default:
      return (
        <Text size="sm">
          {text.what(node.field)} {text.tx(`risk.op.${node.op}`)} <b>{node.values.join(', ')}</b>
        </Text>
      );
  }
}
