/**
 * What the virtual cash register needs from the outside world: the operator, reached over its
 * public intake API (never in-process for documents), and the fiscal modules it hosts.
 */
import type { FiscalDocument } from '../../fiscal/index.ts';
import type { FiscalModulePort } from '../infrastructure/fiscal-module/port.ts';

/** The operator's answer to one document. A network failure or a server error is `unreachable`, never thrown. */
export type SendOutcome =
  /** `ack` is the response body exactly as received: the module checks its MAC over these bytes. */
  | { readonly kind: 'accepted'; readonly ack: string }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string; readonly problems?: readonly { field: string; code: string }[] }
  | { readonly kind: 'unreachable'; readonly reason: string };

export type BatchResult =
  | { readonly status: 'accepted'; readonly ack: string }
  | { readonly status: 'refused'; readonly code: string; readonly problems?: readonly { field: string; code: string }[] };

export type BatchOutcome = { readonly kind: 'answered'; readonly results: readonly BatchResult[] } | { readonly kind: 'unreachable'; readonly reason: string };

export type TimeOutcome =
  /** The operator's clock and how long the question took (the answer is taken as given halfway). */
  { readonly kind: 'answered'; readonly operatorMs: number; readonly roundTripMs: number } | { readonly kind: 'unreachable'; readonly reason: string };

/** The link to the operator (docs/fiscal-documents.md "Sending"). Tests cut it by pointing it at a closed port. */
export type OperatorLink = {
  /** `POST /api/fiscal/intake/documents`. */
  sendDocument(document: FiscalDocument): Promise<SendOutcome>;
  /** `POST /api/fiscal/intake/batches`, at most 1 000 documents. */
  sendBatch(documents: readonly FiscalDocument[]): Promise<BatchOutcome>;
  /** `POST /api/fiscal/intake/shift-signatures`: the module's signature of a closed shift (p.77, p.79), after its Z-report is acknowledged. */
  sendShiftSignature(signature: {
    readonly fiscalModuleNumber: string;
    readonly shiftNumber: number;
    readonly chainHash: string;
    readonly signature: string;
  }): Promise<SendOutcome>;
  /** `GET /api/public/time`: the operator's clock (p.34, p.68 item 10). */
  operatorTime(): Promise<TimeOutcome>;
};

/** The software fiscal modules of the hosted registers, one directory each. */
export type ModuleHost = {
  /** Opens the module of this number, making a blank one when it has no memory yet (set-up only). */
  create(moduleNumber: string): Promise<FiscalModulePort>;
  /** Opens the module of this number; undefined when its memory is not there (no module connected, p.68 item 2). */
  open(moduleNumber: string): Promise<FiscalModulePort | undefined>;
  /** Runs `work` alone for this key: one register's documents are formed, sent and recorded one at a time. */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};
