import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { TSchema } from 'typebox';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { parseCsv, toCsv } from '../../../platform/csv.ts';
import { bodyAjv, fieldErrors, paramsAjv } from '../../../platform/validation.ts';
import type { FiscalDeps } from '../application/deps.ts';
import { EXPORTABLE, type ExportableRegistry, exportRegistry, importRegistry, type ImportRows } from '../application/registry-transfer.ts';
import { NewModelBody } from './models.routes.ts';
import { InspectorateRow, NewBusinessBody } from './register.schemas.ts';

/** Opens the product for one command and closes it afterwards (wired in src/app/cli.ts). */
export type OpenFiscal = () => Promise<{ readonly deps: FiscalDeps; readonly close: () => Promise<void> }>;

const IMPORTABLE: Record<ImportRows['registry'], TSchema> = { inspectorates: InspectorateRow, businesses: NewBusinessBody, models: NewModelBody };

/** The CLI acts as the operator's system account; the audit log names it. */
const CLI_ACTOR: AccountPrincipal = {
  kind: 'account',
  accountId: '00000000-0000-7000-8000-000000000000',
  role: 'operator_admin',
  login: 'cli',
  displayName: 'bekogaz CLI',
  tin: null,
  orgId: null,
  unitId: null,
};

const formatOf = (file: string | undefined, given: string | undefined) => (given ?? (file?.endsWith('.csv') ? 'csv' : 'json')) as 'csv' | 'json';

/** Parses and validates an import file with the same schemas as the API; every bad line is reported. */
export function readImportFile(registry: ImportRows['registry'], text: string, format: 'csv' | 'json'): { rows: unknown[]; errors: string[] } {
  const rows: unknown[] = format === 'csv' ? parseCsv(text) : (JSON.parse(text) as unknown[]);
  if (!Array.isArray(rows)) return { rows: [], errors: ['the JSON file must hold an array of rows'] };
  // CSV cells are text: the coercing validator turns "true" and "12" into their types.
  const validate = (format === 'csv' ? paramsAjv : bodyAjv).compile(IMPORTABLE[registry]);
  const errors: string[] = [];
  rows.forEach((row, i) => {
    if (!validate(row)) {
      for (const e of fieldErrors('row', validate.errors ?? [], 'en')) errors.push(`line ${i + 2}: ${e.field}: ${e.message}`);
    }
  });
  return { rows, errors };
}

/** `bekogaz export <registry>` and `bekogaz import <registry> <file>`. */
export function registryCommands(program: Command, open: OpenFiscal): void {
  program
    .command('export <registry>')
    .description(`Export a registry as CSV or JSON (${Object.keys(EXPORTABLE).join(', ')})`)
    .option('-f, --format <format>', 'csv or json (default: by the file name, else json)')
    .option('-o, --out <file>', 'output file (default: standard output)')
    .action(async (registry: string, options: { format?: string; out?: string }) => {
      if (!(registry in EXPORTABLE)) throw new Error(`unknown registry ${registry}; one of ${Object.keys(EXPORTABLE).join(', ')}`);
      const { deps, close } = await open();
      const rows = await exportRegistry(deps.database.db, registry as ExportableRegistry);
      await close();
      const text = formatOf(options.out, options.format) === 'csv' ? toCsv(rows) : `${JSON.stringify(rows, null, 2)}\n`;
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
    });

  program
    .command('import <registry> <file>')
    .description(`Import rows into a registry (${Object.keys(IMPORTABLE).join(', ')}); all rows or none`)
    .option('-f, --format <format>', 'csv or json (default: by the file name)')
    .action(async (registry: string, file: string, options: { format?: string }) => {
      if (!(registry in IMPORTABLE)) throw new Error(`cannot import ${registry}; one of ${Object.keys(IMPORTABLE).join(', ')}`);
      const kind = registry as ImportRows['registry'];
      const { rows, errors } = readImportFile(kind, readFileSync(file, 'utf8'), formatOf(file, options.format));
      if (errors.length > 0) {
        console.error(`Nothing imported; ${errors.length} problem(s):\n${errors.join('\n')}`);
        process.exitCode = 2;
        return;
      }
      const { deps, close } = await open();
      const result = await importRegistry(deps, CLI_ACTOR, { registry: kind, rows } as ImportRows);
      await close();
      if (!result.ok) {
        console.error(`Nothing imported: line ${result.error.details?.line} was refused with ${result.error.details?.code}`);
        process.exitCode = 2;
        return;
      }
      console.log(`Imported ${result.value} ${registry}.`);
    });
}
