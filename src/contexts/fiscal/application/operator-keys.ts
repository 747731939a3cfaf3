import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import type { FiscalScheme } from '../domain/fiscal-scheme.ts';
import { fiscal } from '../infrastructure/schema.ts';
import { text, timestamp } from 'drizzle-orm/pg-core';

const operatorKeys = fiscal.table('operator_keys', {
  id: text('id').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export type OperatorKeys = { readonly publicKey: Uint8Array; readonly privateKey: Uint8Array; readonly publicKeyHex: string };

/**
 * The operator's key pair for key agreement with the fiscal modules (p.81). Made once, on first
 * use, and kept in the database (FIS-IMP-21: an HSM in production; docs/fiscal-crypto.md).
 */
export function operatorKeyStore(db: Db, scheme: FiscalScheme, now: () => Date) {
  let cached: Promise<OperatorKeys> | undefined;
  async function load(): Promise<OperatorKeys> {
    const [found] = await db.select().from(operatorKeys).where(eq(operatorKeys.id, 'current'));
    if (!found) {
      const pair = scheme.generateModuleKeyPair();
      await db
        .insert(operatorKeys)
        .values({
          id: 'current',
          publicKey: Buffer.from(pair.publicKey).toString('hex'),
          privateKey: Buffer.from(pair.privateKey).toString('hex'),
          createdAt: now(),
        })
        .onConflictDoNothing();
      return load();
    }
    return { publicKey: Buffer.from(found.publicKey, 'hex'), privateKey: Buffer.from(found.privateKey, 'hex'), publicKeyHex: found.publicKey };
  }
  return () => {
    cached ??= load().catch((error) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}
