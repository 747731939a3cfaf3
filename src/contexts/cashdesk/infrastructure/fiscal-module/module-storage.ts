/**
 * The software module's protected memory on disk (p.74: it must keep its data reliably). One
 * directory per module:
 *
 *   state.json                  the state machine, the secrets and a Streebog-256 checksum of both
 *   documents/<number>.json     every document formed, as formed (p.76-77: receipts and Z-reports are kept)
 *   shift-signatures/<n>.json   the GOST R 34.10-2012 signature of each Z-report with its chain hash
 *   module.lock                 the process that holds the module (one user at a time)
 *
 * Every file is written to a temporary name, fsynced, renamed over the old one, and the directory
 * fsynced, so a crash leaves either the old or the new file. A document is written before the state
 * that counts it, and the caller gets it only after the state is written: a document file above the
 * state's last number was never handed out and is simply overwritten.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ModuleState, PendingDocument, ShiftSignature } from '../../domain/fiscal-module.ts';
import { sha256Hex } from '../../../../platform/bytes.ts';

/** What the module keeps secret (p.74, p.81); never returned by any operation. */
export type ModuleSecrets = {
  readonly privateKey: string;
  /** The three FS1 keys derived at initialisation (hex). */
  readonly keys: { readonly fiscalSignKey: string; readonly documentKey: string; readonly ackKey: string } | null;
};

export type StoredModule = { readonly state: ModuleState; readonly secrets: ModuleSecrets | null };

/** What loading found: nothing yet, a sound module, or damage that must lock the module (p.65, p.68). */
export type Loaded =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok'; readonly stored: StoredModule }
  | { readonly kind: 'damaged'; readonly detail: string };

const FORMAT = 'bekogaz-software-fiscal-module/2';
const STATE = 'state.json';
const PENDING = 'pending.log';
const DOCUMENTS = 'documents';
const SIGNATURES = 'shift-signatures';
const LOCK = 'module.lock';

/**
 * The state file is three lines: the format, the SHA-256 of the third line, and the state as JSON.
 * The checksum finds a torn or edited file (it is not a secret: p.74's protection is the card's);
 * SHA-256 is native and keeps a long offline backlog cheap to write (bench/cashdesk).
 */
const checksumOf = (json: string) => sha256Hex(json);
const documentFile = (dir: string, n: number) => join(dir, DOCUMENTS, `${String(n).padStart(12, '0')}.json`);
const signatureFile = (dir: string, shift: number) => join(dir, SIGNATURES, `${String(shift).padStart(9, '0')}.json`);

/** temp file + fsync + rename + fsync of the directory. */
async function writeAtomically(dir: string, path: string, text: string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

export type ModuleStorage = {
  load(): Promise<Loaded>;
  saveState(stored: StoredModule): Promise<void>;
  saveDocument(number: number, canonicalText: string): Promise<void>;
  readDocument(number: number): Promise<string>;
  saveShiftSignature(signature: ShiftSignature): Promise<void>;
  release(): Promise<void>;
};

/**
 * Opens the module's directory and takes its lock file. A lock held by another live process is
 * refused (two registers writing one module would fork its numbers); a stale one is taken over.
 */
export async function openModuleStorage(directory: string): Promise<ModuleStorage> {
  const dir = resolve(directory);
  if (openInThisProcess.has(dir)) throw new Error(`fiscal module in ${dir} is already open in this process`);
  await mkdir(join(dir, DOCUMENTS), { recursive: true });
  await mkdir(join(dir, SIGNATURES), { recursive: true });
  await takeLock(dir);
  await ensureFile(dir, join(dir, PENDING));
  openInThisProcess.add(dir);
  // What pending.log holds (replayed at load, moved on at each save) and how many lines it has.
  let logged = new Map<number, PendingDocument>();
  let logLines = 0;
  return {
    async load() {
      const text = await readFile(join(dir, STATE), 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
      if (text === null) {
        const docs = (await readdir(join(dir, DOCUMENTS))).filter((f) => f.endsWith('.json'));
        return docs.length === 0 ? { kind: 'empty' } : { kind: 'damaged', detail: `state file missing while the memory holds ${docs.length} documents` };
      }
      const [format, checksum, json] = splitState(text);
      if (format !== FORMAT || json === undefined) return { kind: 'damaged', detail: 'state file has an unknown format (torn or altered)' };
      if (checksum !== checksumOf(json)) return { kind: 'damaged', detail: 'state file checksum does not match (torn or altered)' };
      let parsed: { state?: Omit<ModuleState, 'pending'>; secrets?: ModuleSecrets | null };
      try {
        parsed = JSON.parse(json);
      } catch {
        return { kind: 'damaged', detail: 'state file is not readable (torn or altered)' };
      }
      if (!parsed.state) return { kind: 'damaged', detail: 'state file has an unknown format' };
      const replayed = replayPending(await readFile(join(dir, PENDING), 'utf8').catch(() => ''), parsed.state.nextNumber);
      if (!replayed) return { kind: 'damaged', detail: 'the log of unacknowledged documents is altered' };
      logged = replayed.pending;
      logLines = replayed.lines;
      const stored = {
        state: { ...parsed.state, pending: [...replayed.pending.values()].sort((a, b) => a.number - b.number) },
        secrets: parsed.secrets ?? null,
      };
      const last = stored.state.nextNumber - 1;
      if (last >= 1) {
        const doc = await readFile(documentFile(dir, last), 'utf8').catch(() => null);
        const sign = doc === null ? null : (JSON.parse(doc) as { fiscalSign?: string }).fiscalSign;
        if (sign !== stored.state.lastFiscalSign) return { kind: 'damaged', detail: `document ${last} is missing or differs from the state` };
      }
      return { kind: 'ok', stored };
    },
    async saveState(stored) {
      // The list of unacknowledged documents goes to its log as a difference, so a long offline
      // backlog does not rewrite itself with every receipt (bench/cashdesk). The log is written
      // before the state: a line for a number the state does not reach yet is ignored on loading.
      const { pending, ...rest } = stored.state;
      const now = new Map(pending.map((p) => [p.number, p]));
      const lines: string[] = [];
      for (const p of pending) if (!logged.has(p.number)) lines.push(pendingLine('+', p));
      for (const [number, p] of logged) if (!now.has(number)) lines.push(pendingLine('-', p));
      if (logLines + lines.length > 2 * now.size + COMPACT_AFTER) {
        await writeAtomically(dir, join(dir, PENDING), pending.map((p) => pendingLine('+', p)).join(''));
        logLines = pending.length;
      } else if (lines.length > 0) {
        await appendDurably(join(dir, PENDING), lines.join(''));
        logLines += lines.length;
      }
      logged = now;
      const json = JSON.stringify({ state: rest, secrets: stored.secrets });
      await writeAtomically(dir, join(dir, STATE), `${FORMAT}\n${checksumOf(json)}\n${json}`);
    },
    saveDocument: (number, text) => writeAtomically(join(dir, DOCUMENTS), documentFile(dir, number), text),
    readDocument: (number) => readFile(documentFile(dir, number), 'utf8'),
    saveShiftSignature: (s) => writeAtomically(join(dir, SIGNATURES), signatureFile(dir, s.shiftNumber), JSON.stringify(s)),
    async release() {
      await rm(join(dir, LOCK), { force: true });
      openInThisProcess.delete(dir);
    },
  };
}

const openInThisProcess = new Set<string>();

/** The log is rewritten whole when it is this many lines longer than twice what it describes. */
const COMPACT_AFTER = 1000;

/** One line of pending.log, with the first 16 hex of its SHA-256 to find a torn or edited line. */
function pendingLine(op: '+' | '-', p: PendingDocument): string {
  const body = op === '+' ? `+ ${p.number} ${p.fiscalSign} ${p.issuedAtMs}` : `- ${p.number}`;
  return `${body} ${sha256Hex(body).slice(0, 16)}\n`;
}

/**
 * Replays pending.log. A torn last line (a crash while appending) is dropped: the state that would
 * count it was never written, or it was an acknowledgement that will simply come again. A line
 * above the state's last number was never handed out. Any other bad line means the file was altered.
 */
function replayPending(text: string, nextNumber: number): { pending: Map<number, PendingDocument>; lines: number } | null {
  const pending = new Map<number, PendingDocument>();
  const rows = text.split('\n');
  const last = rows.length - 1; // '' after the final newline, or a torn line
  let lines = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as string;
    if (row === '') continue;
    const cut = row.lastIndexOf(' ');
    const body = row.slice(0, cut);
    const isSound = cut > 0 && sha256Hex(body).slice(0, 16) === row.slice(cut + 1);
    if (!isSound) {
      if (i === last) break;
      return null;
    }
    lines += 1;
    const [op, n, sign, at] = body.split(' ');
    const number = Number(n);
    if (op === '+' && number < nextNumber) pending.set(number, { number, fiscalSign: sign as string, issuedAtMs: Number(at) });
    else if (op === '-') pending.delete(number);
  }
  return { pending, lines };
}

/** Creates an empty file once, durably (its directory entry fsynced), so appends need no directory sync. */
async function ensureFile(dir: string, path: string): Promise<void> {
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) await writeAtomically(dir, path, '');
}

/** Appends and fsyncs. */
async function appendDurably(path: string, text: string): Promise<void> {
  const handle = await open(path, 'a', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** format, checksum, JSON: the first two newlines split them (JSON.stringify writes none). */
function splitState(text: string): [string, string, string | undefined] {
  const a = text.indexOf('\n');
  const b = a < 0 ? -1 : text.indexOf('\n', a + 1);
  return a < 0 || b < 0 ? [text, '', undefined] : [text.slice(0, a), text.slice(a + 1, b), text.slice(b + 1)];
}

async function takeLock(dir: string): Promise<void> {
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(await readFile(path, 'utf8').catch(() => ''));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(`fiscal module in ${dir} is in use by process ${holder}`);
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`cannot lock fiscal module in ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
