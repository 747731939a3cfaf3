/** Drizzle tables of the risk facts store and the reference prices (migrations/0023_risk_facts.sql is the source of truth). */
import { boolean, date, doublePrecision, integer, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Lane, SubjectKind } from '../domain/model.ts';

export const riskFacts = pgSchema('risk');

export const subjects = riskFacts.table('subjects', {
  id: uuid('id').primaryKey(),
  kind: text('kind').$type<SubjectKind>().notNull(),
  number: text('number').notNull(),
  direction: text('direction').$type<'import' | 'export' | 'transit'>().notNull(),
  regime: text('regime').notNull(),
  officeCode: text('office_code').notNull(),
  traderCode: text('trader_code').notNull(),
  brokerTin: text('broker_tin'),
  traderViolations: integer('trader_violations').notNull(),
  traderDebt: doublePrecision('trader_debt').notNull(),
  traderDeclarationsBefore: integer('trader_declarations_before').notNull(),
  transportMode: text('transport_mode').notNull(),
  vehicles: text('vehicles').array().notNull(),
  countryOfDispatch: text('country_of_dispatch').notNull(),
  countryOfDestination: text('country_of_destination').notNull(),
  route: text('route').array().notNull(),
  plannedRoute: text('planned_route').array(),
  documentTypes: text('document_types').array().notNull(),
  totalCustomsValue: doublePrecision('total_customs_value').notNull(),
  itemCount: integer('item_count').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }).notNull(),
  registeredOn: date('registered_on', { mode: 'string' }).notNull(),
  lane: text('lane').$type<Lane>(),
  found: boolean('found'),
});
export type SubjectRow = typeof subjects.$inferSelect;

export const subjectItems = riskFacts.table(
  'subject_items',
  {
    subjectId: uuid('subject_id').notNull(),
    number: integer('number').notNull(),
    commodityCode: text('commodity_code').notNull(),
    description: text('description').notNull(),
    descriptionWords: text('description_words').notNull(),
    goodsCategories: text('goods_categories').array().notNull(),
    originCountry: text('origin_country').notNull(),
    netMassKg: doublePrecision('net_mass_kg').notNull(),
    supplementaryQuantity: doublePrecision('supplementary_quantity'),
    customsValue: doublePrecision('customs_value').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectId, t.number] })],
);
export type SubjectItemRow = typeof subjectItems.$inferSelect;

export const priceReferences = riskFacts.table(
  'price_references',
  {
    tableName: text('table_name').notNull(),
    commodityCode: text('commodity_code').notNull(),
    price: doublePrecision('price').notNull(),
    unit: text('unit').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.commodityCode, t.validFrom] })],
);
export type PriceReferenceRow = typeof priceReferences.$inferSelect;
