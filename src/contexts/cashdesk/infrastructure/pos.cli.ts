/**
 * `bekogaz pos …`: the virtual cash register from a terminal or a script. A thin client of the HTTP
 * API (docs/cashdesk-api.md), so it works against any Bekogaz server and the server validates every
 * request with the same schemas as for the web POS. Each call logs in with the business's TIN and
 * PIN and, for a fiscal operation, unlocks the register with its program password.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { lineAmount } from '../../../platform/fiscal-amounts.ts';
import { parseSomoni } from '../domain/catalogue.ts';

type Options = { url: string; tin?: string; pin?: string; password?: string; register?: string };

class PosError extends Error {}

function somoni(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  const dirams = parseSomoni(text);
  if (dirams === undefined) throw new PosError(`${what}: not an amount in somoni (12.50): ${text}`);
  return dirams;
}

/** "QAND*1.5" → code QAND, 1.5 units = 1500 thousandths; "NON" → one unit. */
function saleLine(arg: string): { code: string; quantity?: number } {
  const [code, qty] = arg.split('*') as [string, string | undefined];
  if (qty === undefined) return { code };
  const quantity = Math.round(Number(qty.replace(',', '.')) * 1000);
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new PosError(`quantity of ${code}: ${qty}`);
  return { code, quantity };
}

/** A session with the server: login, then JSON requests that throw the problem's code and title on a refusal. */
async function connect(o: Options) {
  const base = o.url.replace(/\/$/, '');
  const call = async (method: string, path: string, body?: unknown, token?: string): Promise<Response> => {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': process.env.BEKOGAZ_LANG ?? 'tg' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (res.status >= 400) {
      const p = (await res.json().catch(() => ({}))) as { code?: string; title?: string; details?: unknown };
      throw new PosError(`${res.status} ${p.code ?? ''}: ${p.title ?? ''}${p.details ? ` ${JSON.stringify(p.details)}` : ''}`);
    }
    return res;
  };
  const tin = o.tin ?? process.env.BEKOGAZ_POS_TIN;
  const pin = o.pin ?? process.env.BEKOGAZ_POS_PIN;
  if (!tin || !pin) throw new PosError('give --tin and --pin (or BEKOGAZ_POS_TIN, BEKOGAZ_POS_PIN)');
  const { token } = (await (await call('POST', '/api/auth/login', { login: tin, secret: pin })).json()) as { token: string };
  const json = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, body, token);
    return res.status === 204 ? null : res.json();
  };
  const register = () => {
    const id = o.register ?? process.env.BEKOGAZ_POS_REGISTER;
    if (!id) throw new PosError('give --register (or BEKOGAZ_POS_REGISTER)');
    return `/api/cashdesk/registers/${id}`;
  };
  const password = () => {
    const p = o.password ?? process.env.BEKOGAZ_POS_PASSWORD;
    if (!p) throw new PosError('give --password (or BEKOGAZ_POS_PASSWORD): the program password');
    return p;
  };
  return {
    json,
    raw: (path: string) => call('GET', path, undefined, token),
    register,
    password,
    /** p.65 item 10, p.68 item 7: fiscal operations need the register unlocked with its program password. */
    unlocked: async () => {
      await json('POST', `${register()}/unlock`, { password: password() });
      return register();
    },
  };
}

const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));

/** Registers `bekogaz pos …` on the program. */
export function posCommands(program: Command): void {
  const pos = program
    .command('pos')
    .description('The virtual cash register over the HTTP API (BEKOGAZ_URL, BEKOGAZ_POS_TIN/PIN/PASSWORD/REGISTER)')
    .option('--url <url>', 'the Bekogaz server', process.env.BEKOGAZ_URL ?? 'http://127.0.0.1:8080')
    .option('--tin <tin>', "the business's TIN (its cabinet login)")
    .option('--pin <pin>', "the cabinet's PIN")
    .option('-p, --password <password>', "the register's program password")
    .option('-r, --register <id>', 'the VCR instance');
  const run =
    (work: (c: Awaited<ReturnType<typeof connect>>, ...args: never[]) => Promise<unknown>) =>
    async (...args: unknown[]) => {
      try {
        const result = await work(await connect(pos.opts<Options>()), ...(args as never[]));
        if (result !== undefined) print(result);
      } catch (error) {
        if (!(error instanceof PosError)) throw error;
        console.error(error.message);
        process.exitCode = 1;
      }
    };

  pos
    .command('registers')
    .description("The business's registers")
    .action(run((c) => c.json('GET', '/api/cashdesk/registers')));
  pos
    .command('setup <fiscalRegisterId>')
    .description('Set up the VCR for a virtual register of the registry; shows the module key for the TSC (p.81)')
    .action(run((c, id: string) => c.json('POST', '/api/cashdesk/registers', { fiscalRegisterId: id, password: c.password() })));
  pos
    .command('status')
    .description('Whether the register may work, the queue and the offline time left')
    .action(run((c) => c.json('GET', `${c.register()}/status`)));
  pos
    .command('open-shift')
    .option('--float <somoni>', 'cash in the drawer at the opening')
    .action(
      run(async (c, o: { float?: string }) => {
        const openingCash = somoni(o.float, '--float');
        return c.json('POST', `${await c.unlocked()}/shifts`, openingCash === undefined ? {} : { openingCash });
      }),
    );
  pos
    .command('sell <lines...>')
    .description('Sell: each line is an article code or GTIN, optionally *quantity in units (QAND*1.5); pays in exact cash by default')
    .option('--cash <somoni>', 'cash handed over (change is given)')
    .option('--card <somoni>', 'paid by card', '0')
    .action(
      run(async (c, lines: string[], o: { cash?: string; card: string }) => {
        const wanted = lines.map(saleLine);
        const card = somoni(o.card, '--card') ?? 0;
        let cashGiven = somoni(o.cash, '--cash');
        if (cashGiven === undefined) {
          // Exact cash: the total as the server will compute it (quantity × price per line).
          let total = 0;
          for (const l of wanted) {
            const p = (await c.json('GET', `/api/cashdesk/products/lookup?code=${encodeURIComponent(l.code)}`)) as { price: number };
            total += lineAmount(l.quantity ?? 1000, p.price);
          }
          cashGiven = Math.max(0, total - card);
        }
        return c.json('POST', `${await c.unlocked()}/sales`, { lines: wanted, payment: { cashGiven, card } });
      }),
    );
  pos
    .command('refund <number>')
    .description('Refund a receipt by its document number: all of it, or --line n[:quantity in units] (section 6)')
    .requiredOption('--buyer <name>', "the buyer's surname, name and patronymic (p.41)")
    .option('--line <line...>', 'original line (from 0), optionally :quantity in units')
    .option('--non-cash <somoni>', 'paid back to the card')
    .action(
      run(async (c, number: string, o: { buyer: string; line?: string[]; nonCash?: string }) => {
        const lines = o.line?.map((l) => {
          const [line, qty] = l.split(':') as [string, string | undefined];
          return { originalLine: Number(line), ...(qty !== undefined ? { quantity: Math.round(Number(qty) * 1000) } : {}) };
        });
        const nonCash = somoni(o.nonCash, '--non-cash');
        return c.json('POST', `${await c.unlocked()}/refunds`, {
          originalNumber: Number(number),
          buyerName: o.buyer,
          ...(lines ? { lines } : {}),
          ...(nonCash !== undefined ? { nonCash } : {}),
        });
      }),
    );
  pos.command('x-report').action(run((c) => c.json('GET', `${c.register()}/shifts/current/x-report`)));
  pos
    .command('close-shift')
    .description('Close the shift with the Z-report')
    .action(run(async (c) => c.json('POST', `${await c.unlocked()}/shifts/current/close`)));
  pos
    .command('sync')
    .description('Send the queued documents to the operator now')
    .action(run((c) => c.json('POST', `${c.register()}/sync`)));
  pos
    .command('receipt <number>')
    .description('A receipt as JSON, or printed: --format text (32 columns), escpos or pdf')
    .option('--format <format>', 'text, escpos or pdf')
    .option('-o, --out <file>', 'write the print to a file')
    .action(
      run(async (c, number: string, o: { format?: string; out?: string }) => {
        if (!o.format) return c.json('GET', `${c.register()}/receipts/${number}`);
        if (!['text', 'escpos', 'pdf'].includes(o.format)) throw new PosError('--format: text, escpos or pdf');
        const bytes = Buffer.from(await (await c.raw(`${c.register()}/receipts/${number}/print/${o.format}`)).arrayBuffer());
        if (o.out) writeFileSync(o.out, bytes);
        else process.stdout.write(bytes);
        return undefined;
      }),
    );
  pos
    .command('import-products <file>')
    .description('Import the product list from CSV: code, gtin, name_tg, name_ru, name_en, unit, price, tax_kind, tax_rate, marking')
    .action(run((c, file: string) => c.json('POST', '/api/cashdesk/products/import', { csv: readFileSync(file, 'utf8') })));
  pos
    .command('reports')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .action(run((c, o: { from: string; to: string }) => c.json('GET', `${c.register()}/reports?from=${o.from}&to=${o.to}`)));
}
