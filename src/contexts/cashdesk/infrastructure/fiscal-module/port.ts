/**
 * The port between the register and its fiscal module (seed 004 p.71-82). The software module
 * (`software-fiscal-module.ts`), the loopback client (`http-client.ts`) and, later, a smart-card
 * driver speaking APDUs to the Java Card applet (p.71-72, p.80) all implement it, so the register
 * does not know which one it talks to. docs/fiscal-module.md describes each operation.
 *
 * Business refusals are values (`Result`); a broken link or disk is thrown. Private keys never
 * cross this port (p.74, p.81): there is no operation that returns them.
 */
import type { Receipt, ShiftOpening, ZReport } from '../../../fiscal/index.ts';
import type { Result } from '../../../../platform/result.ts';
import type { ReceiptInput } from '../../domain/fiscal-module-documents.ts';
import type { AckAccepted, ModuleFailure, ShiftSignature } from '../../domain/fiscal-module.ts';
import type { ModuleStatus } from '../../domain/fiscal-module-status.ts';

export type { AckAccepted, ModuleFailure, ShiftSignature } from '../../domain/fiscal-module.ts';
export type { ModuleStatus } from '../../domain/fiscal-module-status.ts';
export type { ReceiptInput } from '../../domain/fiscal-module-documents.ts';

/** Every document request names the register (p.65/p.68: one module, one register), the time in UTC+05:00 (p.65 item 16) and the link state (p.36). */
export type DocumentRequest = {
  readonly registerNumber: string;
  /** RFC 3339 instant from the register's clock. */
  readonly at: string;
  /** The operator cannot be reached (p.36). */
  readonly isOffline: boolean;
};

export type InitialiseRequest = {
  /** The operator's GOST R 34.10-2012 public key, hex x ‖ y, as the initialise endpoint of the operator returns it. */
  readonly operatorPublicKey: string;
  /** p.9 field 15: the module number in the operator's registry. */
  readonly moduleNumber: string;
  /** p.9 field 2: the register the module is bound to for its life. */
  readonly registerNumber: string;
};

export type ZReportResult = { readonly document: ZReport; readonly shiftSignature: ShiftSignature };

export type FiscalModulePort = {
  /** p.81: makes the key pair inside the module, once; returns the public key (hex x ‖ y). */
  personalise(): Promise<Result<{ publicKey: string }, ModuleFailure>>;
  /** The public key the TSC hands to the operator (p.81, FIS-FM-23). */
  getPublicKey(): Promise<Result<{ publicKey: string }, ModuleFailure>>;
  /** p.81, p.65: loads the operator's key, derives the module keys and binds the module to one register. */
  initialise(request: InitialiseRequest): Promise<Result<ModuleStatus, ModuleFailure>>;
  /** Opens a shift; returns the sealed `shift_open` document to send. */
  openShift(request: DocumentRequest): Promise<Result<ShiftOpening, ModuleFailure>>;
  /** p.76, p.78: seals the register's receipt data; returns the whole receipt with `fiscalSign` and `mac`. */
  formReceipt(request: DocumentRequest & { readonly receipt: ReceiptInput }): Promise<Result<Receipt, ModuleFailure>>;
  /** p.77: forms the Z-report from the module's own totals and signs it with the chain hash. */
  formZReport(request: DocumentRequest): Promise<Result<ZReportResult, ModuleFailure>>;
  /** The documents not yet acknowledged, oldest first, byte for byte as first formed (resend them as they are). */
  pendingDocuments(): Promise<Result<(Receipt | ShiftOpening | ZReport)[], ModuleFailure>>;
  /** Checks the operator's acknowledgement (the response body as received) and marks its document delivered. */
  acceptAck(request: { readonly ack: string; readonly at: string }): Promise<Result<AckAccepted, ModuleFailure>>;
  /** The acknowledgements of a synchronised backlog, in one write: one result per acknowledgement, in order. */
  acceptAcks(request: { readonly acks: readonly string[]; readonly at: string }): Promise<Result<Result<AckAccepted, ModuleFailure>[], ModuleFailure>>;
  /** Phase, lock, numbers, memory, offline time left (p.36), shift. */
  status(request: { readonly at: string }): Promise<Result<ModuleStatus, ModuleFailure>>;
};
