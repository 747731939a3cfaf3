/**
 * The operator's acknowledgements as the fiscal module takes them (p.36, p.79; docs/fiscal-documents.md
 * "The acknowledgement"). Pure, like the state machine it belongs to.
 */
import { canonicalJson } from '../../../platform/canonical-json.ts';
import { ok } from '../../../platform/result.ts';
import { type AckAccepted, type ModuleCrypto, type ModuleState, type RejectedAck, refuse, type Transition, utf8 } from './fiscal-module.ts';

/** How many rejected acknowledgements the module remembers in detail (all are counted). */
const REJECTED_ACKS_KEPT = 20;

const recordRejected = (state: ModuleState, rejected: RejectedAck): ModuleState => ({
  ...state,
  rejectedAcks: { count: state.rejectedAcks.count + 1, recent: [...state.rejectedAcks.recent, rejected].slice(-REJECTED_ACKS_KEPT) },
});

/** Compares two strings in time that depends only on their lengths. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The operator's acknowledgement (docs/fiscal-documents.md): its MAC is checked with the module's
 * acknowledgement key before the document counts as delivered (p.36, p.79). A forged or foreign
 * acknowledgement changes nothing but is counted and remembered. A locked module still takes
 * acknowledgements, so that what it holds reaches the operator.
 */
export function acceptAck(state: ModuleState, ackText: string, atMs: number, crypto: ModuleCrypto): Transition<AckAccepted> {
  if (state.phase === 'blank' || state.phase === 'personalised') return refuse(state, 'MODULE_NOT_INITIALISED');
  const ack = parseAck(ackText);
  const number = ack && Number.isSafeInteger(ack.number) ? (ack.number as number) : null;
  if (!ack || typeof ack.mac !== 'string') return refuse(recordRejected(state, { atMs, code: 'ACK_FORGED', number }), 'ACK_FORGED');
  const { mac, ...core } = ack;
  if (!sameText(crypto.ackMac(utf8(canonicalJson(core))), mac)) return refuse(recordRejected(state, { atMs, code: 'ACK_FORGED', number }), 'ACK_FORGED');
  const pending = state.pending.find((p) => p.number === number);
  const isOurs = core.fiscalModuleNumber === state.moduleNumber && number !== null && number >= 1 && number < state.nextNumber && core.status === 'accepted';
  if (!isOurs || (pending && pending.fiscalSign !== core.fiscalSign)) {
    return refuse(recordRejected(state, { atMs, code: 'ACK_DOES_NOT_MATCH', number }), 'ACK_DOES_NOT_MATCH', { number });
  }
  const violations = Array.isArray(core.violations) ? core.violations.filter((v): v is string => typeof v === 'string') : [];
  const next = pending ? { ...state, pending: state.pending.filter((p) => p !== pending) } : state;
  return { state: next, result: ok({ number: number as number, isRepeat: !pending, violations }) };
}

function parseAck(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
