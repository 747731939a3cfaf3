import { Button, Card, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api } from '../../api/client.ts';
import { todayInDushanbe } from '../../lib/format.ts';
import { useAction } from '../../lib/use-api.ts';
import { IndicatorBuilder } from './IndicatorBuilder.tsx';
import {
  CATEGORIES,
  CONTROL_LANES,
  type Category,
  emptyTree,
  fromIndicator,
  indicatorProblemsOf,
  LEVELS,
  MEASURES,
  type Measure,
  type Node,
  type Profile,
  type ProfileBody,
  RISK_KINDS,
  SUBJECT_KINDS,
  type SubjectKind,
  shiftDay,
  toIndicator,
} from './model.ts';
import { RiskProblem, useRiskText } from './parts.tsx';

/** A new profile's content: a potential risk of payment evasion on declarations, yellow, for a year from today. */
export function newProfileBody(today = todayInDushanbe()): ProfileBody {
  return {
    area: { tg: '', ru: '', en: '' },
    categories: ['payment_evasion'],
    kind: 'potential',
    indicator: toIndicator(emptyTree()),
    subjects: ['declaration'],
    lane: 'yellow',
    selectionPercent: 100,
    measures: ['documentary_check'],
    level: 3,
    validFrom: today,
    validTo: shiftDay(today, 365),
  };
}

type Props = {
  /** Absent: a new profile (with its code); present: the profile whose draft is edited or whose next version is written. */
  readonly profileId?: string;
  readonly initial: ProfileBody;
  /** Shown above the form when it edits an existing profile (a new one has the page's title). */
  readonly title?: string;
  readonly onSaved: (profile: Profile) => void;
  readonly onCancel?: () => void;
};

/**
 * The profile editor (art.428 i.5, CUS-RMS-07, 21): the area of risk in the three languages, the
 * categories, the kind, what it applies to, the lane and the share of the subjects it selects, the
 * measures, the level, the validity period and the indicator. Saving writes the draft; a refusal
 * shows its localised title at the input it points at.
 */
export function ProfileForm({ profileId, initial, title, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const text = useRiskText();
  const [code, setCode] = useState('');
  const [body, setBody] = useState<ProfileBody>(initial);
  const [tree, setTree] = useState<Node>(() => {
    const parsed = fromIndicator(initial.indicator);
    return parsed.ok ? parsed.node : emptyTree();
  });
  const save = useAction(() => {
    const content = { ...body, indicator: toIndicator(tree) };
    return profileId
      ? api('PUT /api/risk/profiles/{id}', { params: { id: profileId }, body: content })
      : api('POST /api/risk/profiles', { body: { code: code.trim(), ...content } });
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await save.run();
    if (saved) onSaved(saved);
  };
  const set = <K extends keyof ProfileBody>(key: K, value: ProfileBody[K]) => setBody((b) => ({ ...b, [key]: value }));
  const error = save.error;
  const at = (name: string) => fieldMessage(error, name, text.problem);
  const isIndicatorFault = error?.code === 'RISK_INDICATOR_INVALID';

  return (
    <form onSubmit={submit} noValidate data-testid="profile-form">
      <Stack>
        {title && (
          <Title order={2} fz={20}>
            {title}
          </Title>
        )}
        <Card withBorder radius="md" padding="lg">
          <Stack gap="sm">
            {!profileId && (
              <TextInput
                label={t('risk.form.code')}
                description={t('risk.form.codeHint')}
                name="code"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
                error={at('code')}
                required
                maw={320}
              />
            )}
            <Title order={3} fz={16}>
              {t('risk.form.area')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              {(['tg', 'ru', 'en'] as const).map((lang) => (
                <Textarea
                  key={lang}
                  label={t(`risk.form.area${lang === 'tg' ? 'Tg' : lang === 'ru' ? 'Ru' : 'En'}`)}
                  name={`area.${lang}`}
                  value={body.area[lang]}
                  onChange={(e) => set('area', { ...body.area, [lang]: e.currentTarget.value })}
                  error={at(`area.${lang}`)}
                  autosize
                  minRows={3}
                  required
                />
              ))}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Checkbox.Group
                label={t('risk.form.categories')}
                value={[...body.categories]}
                onChange={(v) => set('categories', CATEGORIES.filter((c) => v.includes(c)) as Category[])}
                error={at('categories')}
              >
                <Stack gap={4} mt={6}>
                  {CATEGORIES.map((c) => (
                    <Checkbox key={c} value={c} name="categories" label={text.category(c)} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Stack gap="sm">
                <NativeSelect
                  label={t('risk.form.kind')}
                  name="kind"
                  value={body.kind}
                  onChange={(e) => set('kind', e.currentTarget.value === 'identified' ? 'identified' : 'potential')}
                  data={RISK_KINDS.map((k) => ({ value: k, label: text.kind(k) }))}
                  error={at('kind')}
                />
                <Checkbox.Group
                  label={t('risk.form.subjects')}
                  value={[...body.subjects]}
                  onChange={(v) => set('subjects', SUBJECT_KINDS.filter((s) => v.includes(s)) as SubjectKind[])}
                  error={at('subjects')}
                >
                  <Group gap="md" mt={6}>
                    {SUBJECT_KINDS.map((s) => (
                      <Checkbox key={s} value={s} name="subjects" label={text.subject(s)} />
                    ))}
                  </Group>
                </Checkbox.Group>
              </Stack>
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label={t('risk.form.lane')}
                name="lane"
                value={body.lane}
                onChange={(e) => set('lane', CONTROL_LANES.find((l) => l === e.currentTarget.value) ?? 'yellow')}
                data={CONTROL_LANES.map((l) => ({ value: l, label: text.lane(l) }))}
                error={at('lane')}
              />
              <NumberInput
                label={t('risk.form.selectionPercent')}
                name="selectionPercent"
                value={body.selectionPercent}
                onChange={(v) => set('selectionPercent', typeof v === 'number' ? v : Number(v) || 0)}
                min={1}
                max={100}
                allowDecimal={false}
                error={at('selectionPercent')}
              />
              <NativeSelect
                label={t('risk.form.level')}
                name="level"
                value={String(body.level)}
                onChange={(e) => set('level', Number(e.currentTarget.value))}
                data={LEVELS.map((l) => ({ value: String(l), label: text.tx(`risk.level.${l}`) }))}
                error={at('level')}
              />
            </SimpleGrid>
            <Group gap="sm" align="flex-start">
              <TextInput
                label={t('risk.form.validFrom')}
                name="validFrom"
                type="date"
                value={body.validFrom}
                onChange={(e) => set('validFrom', e.currentTarget.value)}
                error={at('validFrom')}
                w={200}
              />
              <TextInput
                label={t('risk.form.validTo')}
                name="validTo"
                type="date"
                value={body.validTo}
                onChange={(e) => set('validTo', e.currentTarget.value)}
                error={at('validTo')}
                w={200}
              />
            </Group>
            <Checkbox.Group
              label={t('risk.form.measures')}
              value={[...body.measures]}
              onChange={(v) => set('measures', MEASURES.filter((m) => v.includes(m)) as Measure[])}
              error={at('measures')}
            >
              <Group gap="md" mt={6}>
                {MEASURES.map((m) => (
                  <Checkbox key={m} value={m} name="measures" label={text.measure(m)} />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>
        </Card>
        <Card withBorder radius="md" padding="lg">
          <Stack gap="sm">
            <Title order={3} fz={16}>
              {t('risk.builder.title')}
            </Title>
            <IndicatorBuilder value={tree} onChange={setTree} problems={isIndicatorFault ? indicatorProblemsOf(error?.details) : []} />
          </Stack>
        </Card>
        <RiskProblem error={error} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('action.cancel')}
            </Button>
          )}
          <Button type="submit" loading={save.isRunning} data-testid="save-profile">
            {t('risk.action.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The message for one input: the schema's own message for a malformed value, or the localised title
 * of a refusal that names the input (`body.validTo`, `body.code`).
 */
export function fieldMessage(error: ApiError | undefined, name: string, title: (code: string, fallback?: string) => string): string | undefined {
  if (!error) return undefined;
  const bare = (path: string | undefined) => path?.replace(/^(body|query|params)\./, '');
  const matches = (path: string | undefined) => {
    const b = bare(path);
    return b !== undefined && (b === name || b.startsWith(`${name}.`) || b.startsWith(`${name}[`));
  };
  const hit = error.errors.find((e) => matches(e.field));
  if (hit) return hit.message;
  return matches(error.field) ? title(error.code, error.title) : undefined;
}
