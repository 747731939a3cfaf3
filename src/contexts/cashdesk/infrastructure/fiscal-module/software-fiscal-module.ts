/**
 * The software fiscal module (FIS-IMP-22): the state machine of domain/fiscal-module.ts with the
 * operator's scheme FS1 (GOST 28147-89 MACs, GOST R 34.10-2012, docs/fiscal-crypto.md) and a
 * durable memory on disk (module-storage.ts). It runs in the register's process or behind the
 * loopback protocol of local-server.ts; a smart-card driver would implement the same port.
 *
 * Operations run one at a time. Each computes the next state, writes the document and then the
 * state, and only then answers: an answered document is never lost or renumbered after a crash.
 * A state file that is torn or altered locks the module as a failure (p.65, p.68) and is kept as it
 * is for the TSC; numbers are never reset silently.
 */
import { canonicalJson } from '../../../../platform/canonical-json.ts';
import { ok, type Result } from '../../../../platform/result.ts';
import {
  createFiscalScheme,
  type FiscalDocument,
  type FiscalScheme,
  type ModuleKeys,
  type Receipt,
  type ShiftOpening,
  type ZReport,
} from '../../../fiscal/index.ts';
import type { ModuleDocument, ModuleReceipt, ModuleShiftOpening, ModuleZReport, ReceiptInput } from '../../domain/fiscal-module-documents.ts';
import { acceptAck } from '../../domain/fiscal-module-acks.ts';
import { moduleStatus, pendingNumbers } from '../../domain/fiscal-module-status.ts';
import * as fm from '../../domain/fiscal-module.ts';
import {
  AckRequestSchema,
  AcksRequestSchema,
  DocumentRequestSchema,
  InitialiseRequestSchema,
  ReceiptRequestSchema,
  StatusRequestSchema,
  validate,
} from './local-protocol.schemas.ts';
import { type ModuleSecrets, openModuleStorage } from './module-storage.ts';
import type { FiscalModulePort, ModuleFailure, ModuleStatus } from './port.ts';

// The module's documents are the operator's documents: the compiler keeps the two definitions equal.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [Same<ModuleReceipt, Receipt>, Same<ModuleShiftOpening, ShiftOpening>, Same<ModuleZReport, ZReport>] = [true, true, true];
void sameShapes;

export type SoftwareFiscalModuleOptions = {
  /** The directory of the module's memory; created if missing. */
  readonly directory: string;
  /** Documents the memory holds (p.76-77); used only when the module is created. Default 100 000. */
  readonly capacity?: number;
  /** The scheme; tests may pass one with a fixed random source. */
  readonly scheme?: FiscalScheme;
};

export type SoftwareFiscalModule = FiscalModulePort & {
  /** Releases the directory (the lock file); the module can be opened again, here or in another process. */
  close(): Promise<void>;
};

export const DEFAULT_CAPACITY = 100_000;

const fromHex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const invalid = (problems: unknown): Result<never, ModuleFailure> => ({ ok: false, error: { code: 'REQUEST_INVALID', details: { problems } } });

/** Opens (or creates) a software fiscal module in `directory`. */
export async function openSoftwareFiscalModule(options: SoftwareFiscalModuleOptions): Promise<SoftwareFiscalModule> {
  const scheme = options.scheme ?? createFiscalScheme();
  const storage = await openModuleStorage(options.directory);
  const loaded = await storage.load();
  let state: fm.ModuleState = loaded.kind === 'ok' ? loaded.stored.state : fm.blankModule(options.capacity ?? DEFAULT_CAPACITY);
  let secrets: ModuleSecrets | null = loaded.kind === 'ok' ? loaded.stored.secrets : null;
  // p.65 item 5, p.68 item 4: damage is a failure lock, held in memory only, so the file stays for examination.
  let failure: string | null = loaded.kind === 'damaged' ? loaded.detail : null;
  if (loaded.kind === 'empty') await storage.saveState({ state, secrets });

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const failed = (): Result<never, ModuleFailure> => ({ ok: false, error: { code: 'MODULE_LOCKED', details: { reason: 'FAILURE', detail: failure } } });

  /** Writes a new state; if the disk fails the module stops as failed rather than run on unrecorded. */
  async function commit(next: fm.ModuleState, nextSecrets = secrets): Promise<void> {
    try {
      await storage.saveState({ state: next, secrets: nextSecrets });
    } catch (e) {
      failure = `state could not be written: ${(e as Error).message}`;
      throw e;
    }
    state = next;
    secrets = nextSecrets;
  }

  /** The FS1 keys as functions for the state machine; before initialisation the machine refuses before it calls them. */
  function crypto(): fm.ModuleCrypto {
    const s = secrets;
    const k = s?.keys;
    if (!s || !k) {
      const none = () => {
        throw new Error('fiscal module keys are not derived yet');
      };
      return { fiscalSign: none, documentMac: none, ackMac: none, sign: none };
    }
    const keys: ModuleKeys = { fiscalSignKey: fromHex(k.fiscalSignKey), documentKey: fromHex(k.documentKey), ackKey: fromHex(k.ackKey) };
    return {
      fiscalSign: (core) => scheme.fiscalSign(keys, core),
      documentMac: (doc) => scheme.documentMac(keys, doc),
      ackMac: (ack) => scheme.ackMac(keys, ack),
      sign: (data) => scheme.sign(fromHex(s.privateKey), data),
    };
  }

  /** Runs one document step: validate, decide (pure), write the document, then the state. */
  async function formDocument<T extends ModuleDocument, Extra>(
    request: unknown,
    schema: typeof DocumentRequestSchema | typeof ReceiptRequestSchema,
    step: (input: fm.FormInput, c: fm.ModuleCrypto, value: unknown) => fm.Transition<{ document: T } & Extra>,
  ): Promise<Result<{ document: T } & Extra, ModuleFailure>> {
    if (failure) return failed();
    const v = validate(schema, request);
    if (!v.ok) return invalid(v.problems);
    const input = { registerNumber: v.value.registerNumber, atMs: Date.parse(v.value.at), isOffline: v.value.isOffline };
    const t = step(input, crypto(), v.value);
    if (t.result.ok) {
      await storage.saveDocument(t.result.value.document.number, canonicalJson(t.result.value.document));
      const signature = (t.result.value as { shiftSignature?: fm.ShiftSignature }).shiftSignature;
      if (signature) await storage.saveShiftSignature(signature);
    }
    if (t.state !== state) await commit(t.state);
    return t.result;
  }

  const nowStatus = (atMs: number): ModuleStatus => {
    const s = moduleStatus(state, atMs);
    return failure ? { ...s, state: 'locked', lock: { reason: 'FAILURE', at: s.lock?.at ?? '', detail: failure } } : s;
  };

  return {
    personalise: () =>
      serial(async () => {
        if (failure) return failed();
        if (state.phase !== 'blank' || state.lock) return fm.personalise(state, '').result as Result<never, ModuleFailure>;
        // p.81: the key pair is made here and the private key never leaves the module.
        const pair = scheme.generateModuleKeyPair();
        const t = fm.personalise(state, toHex(pair.publicKey));
        await commit(t.state, { privateKey: toHex(pair.privateKey), keys: null });
        return t.result;
      }),
    getPublicKey: () =>
      serial(async () => {
        if (failure) return failed();
        if (!state.publicKey) return { ok: false, error: { code: 'MODULE_NOT_PERSONALISED' } };
        return ok({ publicKey: state.publicKey });
      }),
    initialise: (request) =>
      serial(async () => {
        if (failure) return failed();
        const v = validate(InitialiseRequestSchema, request);
        if (!v.ok) return invalid(v.problems);
        const operatorKey = v.value.operatorPublicKey.toLowerCase();
        const t = fm.initialise(state, { ...v.value, operatorPublicKey: operatorKey });
        if (!t.result.ok) return t.result;
        if (!scheme.isValidPublicKey(fromHex(operatorKey))) return { ok: false, error: { code: 'OPERATOR_KEY_INVALID' } };
        // Derived exactly as the operator derives them (VKO + KDF, docs/fiscal-crypto.md).
        const keys = scheme.deriveModuleKeys(fromHex((secrets as ModuleSecrets).privateKey), fromHex(operatorKey), v.value.moduleNumber);
        const nextSecrets = {
          privateKey: (secrets as ModuleSecrets).privateKey,
          keys: { fiscalSignKey: toHex(keys.fiscalSignKey), documentKey: toHex(keys.documentKey), ackKey: toHex(keys.ackKey) },
        };
        await commit(t.state, nextSecrets);
        return ok(moduleStatus(state, Date.now()));
      }),
    openShift: (request) =>
      serial(async () => {
        const r = await formDocument<ModuleShiftOpening, object>(request, DocumentRequestSchema, (input, c) => fm.openShift(state, input, c));
        return r.ok ? ok(r.value.document as ShiftOpening) : r;
      }),
    formReceipt: (request) =>
      serial(async () => {
        const r = await formDocument<ModuleReceipt, object>(request, ReceiptRequestSchema, (input, c, value) =>
          fm.formReceipt(state, { ...input, receipt: (value as { receipt: ReceiptInput }).receipt }, c),
        );
        return r.ok ? ok(r.value.document as Receipt) : r;
      }),
    formZReport: (request) =>
      serial(async () => {
        const r = await formDocument<ModuleZReport, { shiftSignature: fm.ShiftSignature }>(request, DocumentRequestSchema, (input, c) =>
          fm.formZReport(state, input, c),
        );
        return r.ok ? ok({ document: r.value.document as ZReport, shiftSignature: r.value.shiftSignature }) : r;
      }),
    pendingDocuments: () =>
      serial(async () => {
        if (failure) return failed();
        const docs = await Promise.all(pendingNumbers(state).map(async (n) => JSON.parse(await storage.readDocument(n)) as FiscalDocument));
        return ok(docs);
      }),
    acceptAck: (request) =>
      serial(async () => {
        if (failure) return failed();
        const v = validate(AckRequestSchema, request);
        if (!v.ok) return invalid(v.problems);
        if (!secrets?.keys) return { ok: false, error: { code: 'MODULE_NOT_INITIALISED' } };
        const t = acceptAck(state, v.value.ack, Date.parse(v.value.at), crypto());
        if (t.state !== state) await commit(t.state);
        return t.result;
      }),
    acceptAcks: (request) =>
      serial(async () => {
        if (failure) return failed();
        const v = validate(AcksRequestSchema, request);
        if (!v.ok) return invalid(v.problems);
        if (!secrets?.keys) return { ok: false, error: { code: 'MODULE_NOT_INITIALISED' } };
        // Each acknowledgement is checked as acceptAck checks it; the state is written once for all.
        const atMs = Date.parse(v.value.at);
        const c = crypto();
        let next = state;
        const results = v.value.acks.map((ack) => {
          const t = acceptAck(next, ack, atMs, c);
          next = t.state;
          return t.result;
        });
        if (next !== state) await commit(next);
        return { ok: true, value: results };
      }),
    status: (request) =>
      serial(async () => {
        const v = validate(StatusRequestSchema, request);
        if (!v.ok) return invalid(v.problems);
        return ok(nowStatus(Date.parse(v.value.at)));
      }),
    close: () => serial(() => storage.release()),
  } satisfies SoftwareFiscalModule & { close(): Promise<void> };
}
