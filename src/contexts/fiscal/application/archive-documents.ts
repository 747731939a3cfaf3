import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { FiscalDeps } from './deps.ts';

export type ArchivedMonth = { readonly partition: string; readonly month: string; readonly documents: number; readonly file: string; readonly sha256: string };

/**
 * p.53 item 2 (FIS-OPR-04, catalog ambiguity 41): fiscal data are kept five years from receipt,
 * then archived. Each whole month received more than `years` years ago is written to a gzipped
 * JSON Lines file with a manifest (count and SHA-256), then its partition is detached and dropped.
 * Nothing younger is touched; the keys of archived documents stay, so a number is never reused.
 */
export async function archiveOldDocuments(deps: FiscalDeps, outDir: string, years = 5): Promise<ArchivedMonth[]> {
  const now = deps.clock.now();
  const cutoff = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), 1));
  const partitions = await deps.database.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'fiscal.documents'::regclass AND c.relname ~ '^documents_[0-9]{4}_[0-9]{2}$' ORDER BY 1`,
  );
  mkdirSync(outDir, { recursive: true });
  const done: ArchivedMonth[] = [];
  for (const { name } of partitions) {
    const month = `${name.slice(10, 14)}-${name.slice(15, 17)}`;
    const end = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1));
    if (end > cutoff) continue;
    const file = join(outDir, `fiscal-documents-${month}.jsonl.gz`);
    const hash = createHash('sha256');
    const gzip = createGzip();
    const out = createWriteStream(file);
    gzip.pipe(out);
    let count = 0;
    let after: [string, number] = ['', 0];
    for (;;) {
      const rows = await deps.database.query<{ fiscal_module_number: string; number: string | number; received_at: string; body: unknown }>(
        `SELECT fiscal_module_number, number, received_at::text AS received_at, body FROM fiscal.${name}
          WHERE (fiscal_module_number, number) > ($1, $2::int8) ORDER BY fiscal_module_number, number LIMIT 5000`,
        [after[0], after[1]],
      );
      if (rows.length === 0) break;
      for (const r of rows) {
        const line = `${JSON.stringify({ receivedAt: r.received_at, document: typeof r.body === 'string' ? JSON.parse(r.body) : r.body })}\n`;
        hash.update(line);
        if (!gzip.write(line)) await once(gzip, 'drain');
      }
      count += rows.length;
      const last = rows.at(-1) as (typeof rows)[number];
      after = [last.fiscal_module_number, Number(last.number)];
    }
    gzip.end();
    await once(out, 'finish');
    const sha256 = hash.digest('hex');
    writeFileSync(
      `${file}.manifest.json`,
      `${JSON.stringify({ partition: name, month, documents: count, sha256OfUncompressed: sha256, archivedAt: now.toISOString() }, null, 2)}\n`,
    );
    // Detaching fires no row triggers: the product still has no way to delete single fiscal records.
    await deps.database.execInTransaction(`ALTER TABLE fiscal.documents DETACH PARTITION fiscal.${name}; DROP TABLE fiscal.${name};`);
    done.push({ partition: name, month, documents: count, file, sha256 });
  }
  return done;
}
