/**
 * The officers' powers of control (migrations/0029_customs_control_powers.sql is the source of
 * truth; test/schema-drift.integration.test.ts checks that the two agree).
 */
import { text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ControlForm } from '../domain/control-powers.ts';
import { customs } from './schema.ts';

export const controlPowers = customs.table('control_powers', {
  accountId: uuid('account_id').primaryKey(),
  forms: text('forms').array().$type<ControlForm[]>().notNull(),
  basis: text('basis').notNull(),
  setAt: timestamp('set_at', { withTimezone: true, mode: 'date' }).notNull(),
  setBy: text('set_by').notNull(),
});
export type ControlPowersRow = typeof controlPowers.$inferSelect;
