import { Badge, Button, Checkbox, FileInput, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CashdeskProduct } from '../../api/types.gen.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { localised } from '../../lib/format.ts';
import { parseSomoni } from '../../lib/pos-cart.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { AnyProblem, isUnit, TAX_KIND_LIST, UNIT_LIST, type Unit, useMoney, useTaxText } from './cashdesk-ui.tsx';

type TaxKind = (typeof TAX_KIND_LIST)[number];
type Draft = {
  code: string;
  gtin: string;
  tg: string;
  ru: string;
  en: string;
  unit: Unit;
  price: string;
  taxKind: TaxKind;
  taxRate: string;
  isMarked: boolean;
};

const EMPTY: Draft = { code: '', gtin: '', tg: '', ru: '', en: '', unit: 'piece', price: '', taxKind: 'vat', taxRate: '14', isMarked: false };

const draftOf = (p: CashdeskProduct): Draft => ({
  code: p.code,
  gtin: p.gtin ?? '',
  tg: p.name.tg,
  ru: p.name.ru ?? '',
  en: p.name.en ?? '',
  unit: isUnit(p.unit) ? p.unit : 'piece',
  price: (p.price / 100).toFixed(2),
  taxKind: (TAX_KIND_LIST as readonly string[]).includes(p.tax.kind) ? (p.tax.kind as TaxKind) : 'none',
  taxRate: String(p.tax.rateBp / 100),
  isMarked: p.requiresMarkingCode,
});

/** Per cent with up to two decimals → basis points. */
const rateBp = (text: string): number | undefined => {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : undefined;
};

/** Add or edit one product; the server checks the GS1 check digit and every field (p.65 item 6). */
function ProductForm({ initial, onDone }: { initial: CashdeskProduct | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(initial ? draftOf(initial) : EMPTY);
  const save = useAction(async (draft: Draft) => {
    const price = parseSomoni(draft.price) ?? -1;
    const body = {
      ...(draft.gtin.trim() ? { gtin: draft.gtin.trim() } : {}),
      name: { tg: draft.tg.trim(), ...(draft.ru.trim() ? { ru: draft.ru.trim() } : {}), ...(draft.en.trim() ? { en: draft.en.trim() } : {}) },
      unit: draft.unit,
      price,
      tax: { kind: draft.taxKind, rateBp: draft.taxKind === 'none' ? 0 : (rateBp(draft.taxRate) ?? -1) },
      requiresMarkingCode: draft.isMarked,
    };
    if (initial) return api('PUT /api/cashdesk/products/{code}', { params: { code: initial.code }, body });
    return api('POST /api/cashdesk/products', { body: { ...(draft.code.trim() ? { code: draft.code.trim() } : {}), ...body } });
  });
  const set = (k: keyof Draft) => (e: { currentTarget: { value: string } }) => setD({ ...d, [k]: e.currentTarget.value });
  const err = (field: string) => save.error?.messageFor(field);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await save.run(d)) onDone();
  };
  return (
    <form onSubmit={submit} data-testid="product-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            size="md"
            name="code"
            label={t('pos.catalogue.code')}
            description={t('pos.catalogue.codeHint')}
            value={d.code}
            onChange={set('code')}
            disabled={!!initial}
            error={err('code')}
          />
          <TextInput size="md" name="gtin" label={t('pos.catalogue.gtin')} value={d.gtin} onChange={set('gtin')} inputMode="numeric" error={err('gtin')} />
        </SimpleGrid>
        <TextInput size="md" name="nameTg" label={t('pos.catalogue.nameTg')} value={d.tg} onChange={set('tg')} required error={err('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput size="md" name="nameRu" label={t('pos.catalogue.nameRu')} value={d.ru} onChange={set('ru')} />
          <TextInput size="md" name="nameEn" label={t('pos.catalogue.nameEn')} value={d.en} onChange={set('en')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Select
            size="md"
            label={t('pos.catalogue.unit')}
            data={UNIT_LIST.map((u) => ({ value: u, label: t(`pos.unit.${u}`) }))}
            value={d.unit}
            onChange={(v) => v && isUnit(v) && setD({ ...d, unit: v })}
            allowDeselect={false}
          />
          <TextInput size="md" name="price" label={t('pos.catalogue.price')} value={d.price} onChange={set('price')} inputMode="decimal" error={err('price')} />
          <Select
            size="md"
            label={t('pos.catalogue.taxKind')}
            data={TAX_KIND_LIST.map((k) => ({ value: k, label: t(`pos.taxKind.${k}`) }))}
            value={d.taxKind}
            onChange={(v) => v && setD({ ...d, taxKind: v as TaxKind, taxRate: v === 'none' ? '0' : v === 'simplified' ? '6' : '14' })}
            allowDeselect={false}
          />
          <TextInput
            size="md"
            name="taxRate"
            label={t('pos.catalogue.taxRate')}
            value={d.taxRate}
            onChange={set('taxRate')}
            disabled={d.taxKind === 'none'}
            error={err('tax')}
          />
        </SimpleGrid>
        <Checkbox size="md" label={t('pos.catalogue.marking')} checked={d.isMarked} onChange={(e) => setD({ ...d, isMarked: e.currentTarget.checked })} />
        <AnyProblem error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={save.isRunning} data-testid="product-save">
            {t('action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** All rows or none (docs/cashdesk.md); every bad row with its line and column. */
function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const run = useAction((text: string) => api('POST /api/cashdesk/products/import', { body: { csv: text } }));
  const [done, setDone] = useState<{ imported: number; created: number; replaced: number }>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await run.run(csv);
    setDone(r);
    if (r) onDone();
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-title">
      <form onSubmit={submit} data-testid="import-form">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="import-title">
            {t('pos.catalogue.import')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('pos.catalogue.importHint')}
          </Text>
          <FileInput size="md" label={t('pos.catalogue.file')} accept=".csv,text/csv" onChange={async (f) => setCsv(f ? await f.text() : '')} clearable />
          <Textarea
            size="sm"
            label={t('pos.catalogue.text')}
            value={csv}
            onChange={(e) => setCsv(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={10}
            ff="monospace"
            name="csv"
          />
          <AnyProblem error={run.error} />
          {done && (
            <Text c="teal" fw={600} data-testid="import-done">
              {t('pos.catalogue.importDone', done)}
            </Text>
          )}
          <Group>
            <Button type="submit" size="md" disabled={csv.trim() === ''} loading={run.isRunning}>
              {t('pos.catalogue.import')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The business's product list (FIS-VCS-02, FIS-VCS-08): search, add, edit, import. */
export function CataloguePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const money = useMoney();
  const taxText = useTaxText();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<CashdeskProduct | 'new'>();
  const products = useApi(() => api('GET /api/cashdesk/products', { query: { q: q.trim() || undefined, limit: 200 } }), [q]);
  return (
    <Stack>
      <PageHeader
        title={t('pos.catalogue.title')}
        subtitle={t('pos.catalogue.subtitle')}
        actions={
          <Button size="md" onClick={() => setEditing('new')} data-testid="product-add">
            {t('pos.catalogue.add')}
          </Button>
        }
      />
      <TextInput
        size="md"
        placeholder={t('pos.catalogue.search')}
        aria-label={t('pos.catalogue.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      <Loadable state={products} isEmpty={(l) => l.length === 0}>
        {(list) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover data-testid="products-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pos.catalogue.code')}</Table.Th>
                  <Table.Th>{t('pos.catalogue.gtin')}</Table.Th>
                  <Table.Th>{t('pos.sale.name')}</Table.Th>
                  <Table.Th>{t('pos.catalogue.unit')}</Table.Th>
                  <Table.Th ta="right">{t('pos.sale.price')}</Table.Th>
                  <Table.Th>{t('pos.catalogue.taxKind')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((p) => (
                  <Table.Tr key={p.code} data-code={p.code}>
                    <Table.Td ff="monospace">{p.code}</Table.Td>
                    <Table.Td ff="monospace">{p.gtin ?? '—'}</Table.Td>
                    <Table.Td>
                      {localised({ tg: p.name.tg, ru: p.name.ru ?? '', en: p.name.en ?? '' }, lang)}{' '}
                      {p.requiresMarkingCode && (
                        <Badge size="xs" variant="light">
                          DataMatrix
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{isUnit(p.unit) ? t(`pos.unit.${p.unit}`) : p.unit}</Table.Td>
                    <Table.Td ta="right">{money(p.price)}</Table.Td>
                    <Table.Td>{taxText(p.tax.kind, p.tax.rateBp)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setEditing(p)}>
                        {t('pos.catalogue.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Loadable>
      <ImportForm onDone={products.reload} />
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        size="lg"
        title={editing === 'new' ? t('pos.catalogue.add') : t('pos.catalogue.edit')}
      >
        {editing !== undefined && (
          <ProductForm
            initial={editing === 'new' ? undefined : editing}
            onDone={() => {
              setEditing(undefined);
              products.reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
