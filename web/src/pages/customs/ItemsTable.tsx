import { Button, Card, Group, Modal, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title, UnstyledButton } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { localised } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { type CommodityCode, emptyItem, type Item, renumber } from './model.ts';

/** Commodity codes whose code or name contains the text typed, in force today (`/api/customs/commodity-codes?q=`). */
function useCodeLookup(query: string) {
  const [found, setFound] = useState<CommodityCode[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 3 || /^\d{10}$/.test(q)) {
      setFound([]);
      return;
    }
    let isActive = true;
    const timer = window.setTimeout(() => {
      api('GET /api/customs/commodity-codes', { query: { q, limit: 8 } })
        .then((rows) => isActive && setFound(rows))
        .catch(() => isActive && setFound([]));
    }, 250);
    return () => {
      isActive = false;
      window.clearTimeout(timer);
    };
  }, [query]);
  return found;
}

function ItemDialog({ item, onSave, onClose }: { item: Item; onSave: (item: Item) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [draft, setDraft] = useState<Item>(item);
  const [unit, setUnit] = useState<string>();
  const found = useCodeLookup(draft.commodityCode);
  const set = (patch: Partial<Item>) => setDraft((d) => ({ ...d, ...patch }));
  const text = (name: 'commodityCode' | 'originCountry' | 'grossMassKg' | 'netMassKg' | 'packageKind' | 'invoiceAmount', label: string) => (
    <TextInput
      label={label}
      name={name}
      value={draft[name]}
      onChange={(e) => set({ [name]: name === 'originCountry' ? e.currentTarget.value.toUpperCase() : e.currentTarget.value })}
      required
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { supplementaryQuantity, ...rest } = draft;
    onSave(supplementaryQuantity ? { ...rest, supplementaryQuantity } : rest);
  };
  return (
    <Modal opened onClose={onClose} title={item.description ? t('cus.item.dialogEdit', { n: item.number }) : t('cus.item.dialogNew')} size="xl">
      <form onSubmit={submit} noValidate data-testid="item-form">
        <Stack gap="sm">
          <Stack gap={4}>
            <TextInput
              label={t('cus.item.commodityCode')}
              description={t('cus.item.commodityHint')}
              name="commodityCode"
              value={draft.commodityCode}
              onChange={(e) => set({ commodityCode: e.currentTarget.value })}
              autoComplete="off"
              required
            />
            {found.length > 0 && (
              <Card withBorder padding={4} radius="sm" data-testid="code-options">
                {found.map((c) => (
                  <UnstyledButton
                    key={c.code}
                    data-testid="code-option"
                    data-code={c.code}
                    px="xs"
                    py={4}
                    onClick={() => {
                      const name = localised({ tg: c.descriptionTg, ru: c.descriptionRu, en: c.descriptionEn }, lang);
                      set({ commodityCode: c.code, ...(draft.description ? {} : { description: name }) });
                      setUnit(c.unit);
                    }}
                  >
                    <Text size="sm">
                      <Text span ff="monospace" fw={600}>
                        {c.code}
                      </Text>{' '}
                      {localised({ tg: c.descriptionTg, ru: c.descriptionRu, en: c.descriptionEn }, lang)}{' '}
                      <Text span c="dimmed" size="xs">
                        ({c.unit})
                      </Text>
                    </Text>
                  </UnstyledButton>
                ))}
              </Card>
            )}
          </Stack>
          <Textarea
            label={t('cus.item.description')}
            name="description"
            value={draft.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            autosize
            minRows={2}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {text('originCountry', t('cus.item.originCountry'))}
            {text('grossMassKg', t('cus.item.grossMassKg'))}
            {text('netMassKg', t('cus.item.netMassKg'))}
            <TextInput
              label={t('cus.item.supplementaryQuantity')}
              description={t('cus.item.supplementaryHint', { unit: unit ?? '—' })}
              name="supplementaryQuantity"
              value={draft.supplementaryQuantity ?? ''}
              onChange={(e) => set({ supplementaryQuantity: e.currentTarget.value })}
            />
            <NumberInput
              label={t('cus.item.packages')}
              name="packages"
              value={draft.packages}
              onChange={(v) => set({ packages: typeof v === 'number' ? v : Number(v) || 0 })}
              min={0}
              allowDecimal={false}
              required
            />
            {text('packageKind', t('cus.item.packageKind'))}
            {text('invoiceAmount', t('cus.item.invoiceAmount'))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" data-testid="item-save">
              {t('cus.action.saveItem')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The items of the declaration: added, edited and removed here, numbered 1, 2, 3 … in order. */
export function ItemsTable({ items, onChange, currency }: { items: readonly Item[]; onChange: (items: Item[]) => void; currency: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Item>();
  const save = (item: Item) => {
    const exists = items.some((i) => i.number === item.number);
    onChange(exists ? items.map((i) => (i.number === item.number ? item : i)) : [...items, item]);
    setEditing(undefined);
  };
  return (
    <Card withBorder radius="md" padding="lg" id="decl-field-items">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} fz={18}>
            {t('cus.section.items')}
          </Title>
          <Button variant="light" onClick={() => setEditing(emptyItem(items.length + 1))} data-testid="add-item">
            {t('cus.action.addItem')}
          </Button>
        </Group>
        {items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('cus.item.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" data-testid="items-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cus.item.number')}</Table.Th>
                  <Table.Th>{t('cus.item.commodityCode')}</Table.Th>
                  <Table.Th>{t('cus.item.description')}</Table.Th>
                  <Table.Th>{t('cus.item.originCountry')}</Table.Th>
                  <Table.Th>{t('cus.item.grossMassKg')}</Table.Th>
                  <Table.Th>{t('cus.item.netMassKg')}</Table.Th>
                  <Table.Th>{t('cus.item.packages')}</Table.Th>
                  <Table.Th>
                    {t('cus.item.invoiceAmount')}, {currency}
                  </Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.number} id={`decl-item-${item.number}`} data-testid="item-row" data-number={item.number}>
                    <Table.Td>{item.number}</Table.Td>
                    <Table.Td ff="monospace">{item.commodityCode}</Table.Td>
                    <Table.Td maw={260}>
                      <Text size="sm" lineClamp={2}>
                        {item.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>{item.originCountry}</Table.Td>
                    <Table.Td>{item.grossMassKg}</Table.Td>
                    <Table.Td>{item.netMassKg}</Table.Td>
                    <Table.Td>
                      {item.packages} {item.packageKind}
                    </Table.Td>
                    <Table.Td>{item.invoiceAmount}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(item)} data-testid="edit-item">
                          {t('cus.action.editItem')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => onChange(renumber(items.filter((i) => i.number !== item.number)))}
                          data-testid="remove-item"
                        >
                          {t('cus.action.removeItem')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {editing && <ItemDialog item={editing} onSave={save} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}
