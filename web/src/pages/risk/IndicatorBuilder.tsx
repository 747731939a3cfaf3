import { Autocomplete, Badge, Box, Button, Card, Group, JsonInput, NativeSelect, NumberInput, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CMPS,
  type Cmp,
  emptyTree,
  fromIndicator,
  type Group as GroupNode,
  type IndicatorProblem,
  isGroup,
  isLeaf,
  nodeAt,
  type Leaf,
  leafFor,
  type Node,
  normaliseValue,
  objectsOfTree,
  opsFor,
  type Part,
  problemsAt,
  removeAt,
  type Step,
  type Subject,
  subjectOf,
  subjectsByObject,
  type TextField,
  type TextOp,
  toIndicator,
  toggleNot,
  updateAt,
  jsonPathOf,
} from './model.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useRiskText } from './parts.tsx';

type Props = {
  readonly value: Node;
  readonly onChange: (next: Node) => void;
  /** The indicator faults of the last refusal, shown at the inputs they point at. */
  readonly problems: readonly IndicatorProblem[];
};

/**
 * The indicator builder (art.428 i.12, CUS-RMS-14, 16): a tree of conditions over the fields of the
 * ten objects of art.429, combined with all / any / NOT, and its JSON. A risk analyst writes an
 * indicator without a programmer; the server checks it and its faults come back to the inputs.
 */
export function IndicatorBuilder({ value, onChange, problems }: Props) {
  const { t } = useTranslation();
  const text = useRiskText();
  const objects = objectsOfTree(value);
  return (
    <Stack gap="sm" data-testid="indicator-builder">
      <Text size="sm" c="dimmed">
        {t('risk.builder.intro')}
      </Text>
      <NodeView root={value} steps={[]} onChange={onChange} problems={problems} />
      <Group gap={6} data-testid="indicator-objects">
        <Text size="xs" c="dimmed">
          {t('risk.builder.objects')}:
        </Text>
        {objects.map((o) => (
          <Badge key={o} variant="outline" size="sm" data-object={o}>
            {text.object(o)}
          </Badge>
        ))}
      </Group>
      <JsonView value={value} onChange={onChange} />
    </Stack>
  );
}

type NodeProps = {
  readonly root: Node;
  readonly steps: readonly Step[];
  readonly onChange: (next: Node) => void;
  readonly problems: readonly IndicatorProblem[];
};

function NodeView({ root, steps, onChange, problems }: NodeProps) {
  const node = nodeAt(root, steps) ?? root;
  const path = jsonPathOf(steps);
  const set = (next: Node) => onChange(updateAt(root, steps, () => next));
  const remove = steps.length === 0 ? undefined : () => onChange(removeAt(root, steps));
  const negate = () => onChange(updateAt(root, steps, toggleNot));
  const own = problemsAt(problems, path, node.op === 'not');
  if (isGroup(node)) return <GroupView {...{ root, steps, onChange, problems, path, own, remove, negate }} node={node} set={set} />;
  if (!isLeaf(node)) return <NotView {...{ root, steps, onChange, problems, path, own, negate }} />;
  return <LeafView leaf={node} path={path} own={own} set={set} remove={remove} negate={negate} />;
}

type Own = ReturnType<typeof problemsAt>;

function Faults({ own, parts }: { own: Own; parts: readonly Part[] }) {
  const text = useRiskText();
  const { t } = useTranslation();
  const shown = own.filter((p) => parts.includes(p.part));
  if (shown.length === 0) return null;
  return (
    <Stack gap={0}>
      {shown.map((p) => (
        <Text key={`${p.part}:${p.index ?? ''}:${p.code}`} size="xs" c="red" data-testid="node-problem" data-code={p.code}>
          {p.index !== undefined ? `${t('risk.builder.valueAt', { n: p.index + 1 })}: ` : ''}
          {text.problem(p.code)}
        </Text>
      ))}
    </Stack>
  );
}

/** The first fault at an input, as the input's error text. */
const errorAt = (own: Own, part: Part, title: (code: string) => string): string | undefined => {
  const hit = own.find((p) => p.part === part && p.index === undefined);
  return hit ? title(hit.code) : undefined;
};

function GroupView({
  node,
  root,
  steps,
  onChange,
  problems,
  path,
  own,
  set,
  remove,
  negate,
}: NodeProps & {
  node: GroupNode;
  path: string;
  own: Own;
  set: (n: Node) => void;
  remove: (() => void) | undefined;
  negate: () => void;
}) {
  const { t } = useTranslation();
  const add = (part: Node) => set({ op: node.op, of: [...node.of, part] });
  return (
    <Card withBorder radius="md" padding="sm" data-testid="indicator-node" data-path={path} data-op={node.op} bg="var(--mantine-color-gray-0)">
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <NativeSelect
            aria-label={t('risk.builder.op')}
            name="group-op"
            value={node.op}
            onChange={(e) => set({ op: e.currentTarget.value === 'any' ? 'any' : 'all', of: node.of })}
            data={[
              { value: 'all', label: t('risk.builder.all') },
              { value: 'any', label: t('risk.builder.any') },
            ]}
            data-path={path}
          />
          <Group gap={6}>
            <Button size="compact-sm" variant="light" onClick={() => add(leafFor('item.commodityCode'))} data-testid="add-condition" data-path={path}>
              {t('risk.action.addCondition')}
            </Button>
            <Button size="compact-sm" variant="light" onClick={() => add(emptyTree())} data-testid="add-group" data-path={path}>
              {t('risk.action.addGroup')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="grape" onClick={negate} data-testid="toggle-not" data-path={path}>
              {t('risk.action.negate')}
            </Button>
            {remove && (
              <Button size="compact-sm" variant="subtle" color="red" onClick={remove} data-testid="remove-node" data-path={path}>
                {t('risk.action.remove')}
              </Button>
            )}
          </Group>
        </Group>
        <Faults own={own} parts={['node', 'op', 'of']} />
        <Stack gap="xs" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-blue-3)' }}>
          {node.of.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a condition is its place in the group (the server's paths are indices too)
            <NodeView key={i} root={root} steps={[...steps, i]} onChange={onChange} problems={problems} />
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

function NotView({ root, steps, onChange, problems, path, own, negate }: NodeProps & { path: string; own: Own; negate: () => void }) {
  const { t } = useTranslation();
  return (
    <Box p="xs" style={{ border: '2px dashed var(--mantine-color-grape-4)', borderRadius: 8 }} data-testid="indicator-node" data-path={path} data-op="not">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" fw={700} c="grape">
            {t('risk.builder.not')}
          </Text>
          <Button size="compact-sm" variant="subtle" color="grape" onClick={negate} data-testid="toggle-not" data-path={path}>
            {t('risk.action.unnegate')}
          </Button>
        </Group>
        <Faults own={own} parts={['node', 'op']} />
        <NodeView root={root} steps={[...steps, 'not']} onChange={onChange} problems={problems} />
      </Stack>
    </Box>
  );
}

function LeafView({
  leaf,
  path,
  own,
  set,
  remove,
  negate,
}: {
  leaf: Leaf;
  path: string;
  own: Own;
  set: (n: Node) => void;
  remove: (() => void) | undefined;
  negate: () => void;
}) {
  const { t } = useTranslation();
  const text = useRiskText();
  const title = (code: string) => text.problem(code);
  const what = subjectOf(leaf);
  return (
    <Card withBorder radius="sm" padding="xs" data-testid="indicator-node" data-path={path} data-op={leaf.op}>
      <Stack gap={4}>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('risk.builder.what')}
            name="what"
            value={what}
            onChange={(e) => set(leafFor(e.currentTarget.value as Subject, leaf))}
            data={subjectsByObject()
              .filter((g) => g.subjects.length > 0)
              .map((g) => ({ group: text.object(g.object), items: g.subjects.map((s) => ({ value: s, label: text.what(s) })) }))}
            error={errorAt(own, 'field', title)}
            w={260}
          />
          <Params leaf={leaf} own={own} set={set} />
          <Group gap={4} mt={24}>
            <Button size="compact-sm" variant="subtle" color="grape" onClick={negate} data-testid="toggle-not" data-path={path}>
              {t('risk.action.negate')}
            </Button>
            {remove && (
              <Button size="compact-sm" variant="subtle" color="red" onClick={remove} data-testid="remove-node" data-path={path}>
                {t('risk.action.remove')}
              </Button>
            )}
          </Group>
        </Group>
        <Faults own={own} parts={['node', 'values', 'op']} />
      </Stack>
    </Card>
  );
}

/** The placeholder of a text field's values: the form the server wants (indicator-check.ts formOf). */
function hintKey(field: TextField): string {
  if (field === 'item.originCountry' || field === 'countryOfDispatch' || field === 'countryOfDestination') return 'risk.hint.country';
  if (field === 'item.commodityCode' || field === 'item.description' || field === 'item.goodsCategory' || field === 'direction')
    return `risk.hint.${field.replace('.', '_')}`;
  return 'risk.hint.text';
}

function Params({ leaf, own, set }: { leaf: Leaf; own: Own; set: (n: Node) => void }) {
  const { t } = useTranslation();
  const text = useRiskText();
  const title = (code: string) => text.problem(code);
  switch (leaf.op) {
    case 'compare':
      return (
        <>
          <NativeSelect
            label={t('risk.builder.op')}
            name="cmp"
            value={leaf.cmp}
            onChange={(e) => set({ ...leaf, cmp: (CMPS.find((c) => c === e.currentTarget.value) ?? 'gt') as Cmp })}
            data={CMPS.map((c) => ({ value: c, label: text.tx(`risk.cmp.${c}`) }))}
            error={errorAt(own, 'cmp', title) ?? errorAt(own, 'op', title)}
            w={150}
          />
          <NumberInput
            label={t('risk.builder.value')}
            name="value"
            value={leaf.value ?? ''}
            onChange={(v) => set({ ...leaf, value: numberOf(v) })}
            decimalSeparator="."
            error={errorAt(own, 'value', title)}
            w={170}
          />
        </>
      );
    case 'below_reference':
      return (
        <>
          <PriceTableInput
            label={t('risk.builder.table')}
            value={leaf.table}
            onChange={(table) => set({ ...leaf, table })}
            error={errorAt(own, 'table', title)}
          />
          <NumberInput
            label={t('risk.builder.ratio')}
            name="ratio"
            value={leaf.ratio ?? ''}
            onChange={(v) => set({ ...leaf, ratio: numberOf(v) })}
            decimalSeparator="."
            min={0}
            max={10}
            step={0.1}
            error={errorAt(own, 'ratio', title)}
            w={220}
          />
        </>
      );
    case 'missing_document':
      return (
        <TextInput
          label={t('risk.builder.typeCode')}
          name="typeCode"
          value={leaf.typeCode}
          onChange={(e) => set({ ...leaf, typeCode: e.currentTarget.value })}
          error={errorAt(own, 'typeCode', title)}
          w={200}
        />
      );
    case 'first_time':
    case 'route_deviation':
      return (
        <Text size="sm" c="dimmed" mt={28}>
          {t('risk.builder.noParams')}
        </Text>
      );
    default: {
      const field = leaf.field;
      const valueFaults = own.filter((p) => p.part === 'values');
      return (
        <>
          <NativeSelect
            label={t('risk.builder.op')}
            name="op"
            value={leaf.op}
            onChange={(e) => set({ ...leaf, op: e.currentTarget.value as TextOp })}
            data={opsFor(field).map((o) => ({ value: o, label: text.tx(`risk.op.${o}`) }))}
            error={errorAt(own, 'op', title)}
            w={210}
          />
          <TagsInput
            label={t('risk.builder.values')}
            name="values"
            data-testid="values-input"
            value={[...leaf.values]}
            onChange={(vs) => set({ ...leaf, values: [...new Set(vs.map((v) => normaliseValue(field, v)).filter(Boolean))] })}
            placeholder={text.tx(hintKey(field))}
            description={t('risk.builder.valuesHint')}
            acceptValueOnBlur
            clearable
            error={valueFaults.length > 0 ? ' ' : undefined}
            miw={260}
            style={{ flex: 1 }}
          />
        </>
      );
    }
  }
}

const numberOf = (v: string | number): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const n = Number(v.replace(',', '.'));
  return v.trim() === '' || !Number.isFinite(n) ? null : n;
};

/** The indicator as JSON: follows the builder, and a pasted or typed JSON goes back into it. */
function JsonView({ value, onChange }: { value: Node; onChange: (n: Node) => void }) {
  const { t } = useTranslation();
  const [textValue, setText] = useState(() => JSON.stringify(toIndicator(value), null, 2));
  const [fault, setFault] = useState<string>();
  useEffect(() => {
    setText(JSON.stringify(toIndicator(value), null, 2));
    setFault(undefined);
  }, [value]);
  const apply = () => {
    let json: unknown;
    try {
      json = JSON.parse(textValue);
    } catch {
      setFault(t('risk.builder.jsonInvalid'));
      return;
    }
    const parsed = fromIndicator(json);
    if (!parsed.ok) {
      setFault(t('risk.builder.jsonUnreadable', { path: parsed.path }));
      return;
    }
    onChange(parsed.node);
  };
  return (
    <Stack gap={4}>
      <JsonInput
        label={t('risk.builder.json')}
        name="indicator-json"
        value={textValue}
        onChange={setText}
        autosize
        minRows={4}
        maxRows={20}
        error={fault}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        data-testid="indicator-json"
      />
      <Group>
        <Button size="compact-sm" variant="default" onClick={apply} data-testid="apply-json">
          {t('risk.action.applyJson')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The price table of a below-reference indicator, offered from the tables imported so far (the server refuses any other). */
function PriceTableInput({ label, value, onChange, error }: { label: string; value: string; onChange: (table: string) => void; error?: string }) {
  const tables = useApi(() => api('GET /api/risk/price-tables', {}), []);
  return <Autocomplete label={label} name="table" value={value} onChange={onChange} data={(tables.data ?? []).map((t) => t.name)} error={error} w={170} />;
}
