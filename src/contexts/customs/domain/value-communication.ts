/**
 * Communications between customs and the declarant on the customs value (art.364 p.1 i.3, art.365
 * p.1 i.2 and p.2, as items 72-73 of the draft amend them: "electronic or written"; CUS-REG-11,
 * CUS-DEC-84). Each is recorded with its channel and the times it was sent and delivered. Pure.
 */

/** Electronic through the customs information system, or written (on paper, by hand or post). */
export const CHANNELS = ['electronic', 'written'] as const;
export type CommunicationChannel = (typeof CHANNELS)[number];

export type CommunicationDirection = 'to_declarant' | 'to_customs';

type KindSpec = {
  readonly direction: CommunicationDirection;
  readonly legalBasis: string;
  /** The kind it answers; when set, an answer must name one of that kind on the same declaration. */
  readonly answers?: CommunicationKind;
};

export const COMMUNICATION_KINDS = [
  /** Art.364 p.1 i.3: customs asks for additional documents, information or explanations. */
  'documents_request',
  /** Art.364 p.1 i.3: the declarant's answer, with the documents asked for. */
  'declarant_answer',
  /** Art.365 p.1 i.2: customs tells the declarant its decision on the declared customs value, with the reasons. */
  'value_decision',
  /** Art.365 p.2: the declarant asks how the customs value was determined. */
  'explanation_request',
  /** Art.365 p.2: customs' explanation, in answer to that request. */
  'explanation',
] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

export const KIND_SPECS: Readonly<Record<CommunicationKind, KindSpec>> = {
  documents_request: { direction: 'to_declarant', legalBasis: 'art.364 p.1 i.3' },
  declarant_answer: { direction: 'to_customs', legalBasis: 'art.364 p.1 i.3', answers: 'documents_request' },
  value_decision: { direction: 'to_declarant', legalBasis: 'art.365 p.1 i.2' },
  explanation_request: { direction: 'to_customs', legalBasis: 'art.365 p.2' },
  explanation: { direction: 'to_declarant', legalBasis: 'art.365 p.2', answers: 'explanation_request' },
};

/** What customs decided on the declared value (art.365 p.1 i.2). */
export const VALUE_DECISIONS = ['accepted', 'adjusted', 'not_accepted'] as const;
export type ValueDecision = (typeof VALUE_DECISIONS)[number];

export type CommunicationDraft = {
  readonly kind: CommunicationKind;
  readonly channel: CommunicationChannel;
  /** Who records it: customs staff, or the declarant (or its broker) itself. */
  readonly recordedBy: 'customs' | 'declarant';
  readonly decision?: ValueDecision;
  /** Written: when it was sent (handed over, posted, or dated by the declarant); electronic: now. */
  readonly sentAt?: Date;
  readonly deliveredAt?: Date;
  /** The kind of the communication it answers, when it names one. */
  readonly answersKind?: CommunicationKind;
  readonly now: Date;
};

export type CommunicationFault = { readonly code: string; readonly field: string };

/**
 * Who may record what, and how. Electronic communications are recorded by their author through the
 * system: customs' reach the declarant's cabinet (delivered then), the declarant's reach customs
 * (received then). A written one is keyed in by customs, with the day it was sent and, once known,
 * the day it was delivered (a written answer of the declarant is received at customs' desk).
 */
export function communicationFaults(d: CommunicationDraft): CommunicationFault[] {
  const faults: CommunicationFault[] = [];
  const spec = KIND_SPECS[d.kind];
  const isCustomsAuthor = spec.direction === 'to_declarant';
  if (d.recordedBy === 'declarant' && (isCustomsAuthor || d.channel === 'written')) faults.push({ code: 'not_yours_to_record', field: 'kind' });
  if (d.recordedBy === 'customs' && !isCustomsAuthor && d.channel === 'electronic') faults.push({ code: 'electronic_from_declarant_only', field: 'channel' });
  if ((d.kind === 'value_decision') !== (d.decision !== undefined)) faults.push({ code: 'decision_only_for_value_decision', field: 'decision' });
  if (spec.answers !== undefined && d.answersKind !== spec.answers) faults.push({ code: `must_answer_${spec.answers}`, field: 'inReplyTo' });
  if (spec.answers === undefined && d.answersKind !== undefined && KIND_SPECS[d.answersKind].direction === spec.direction)
    faults.push({ code: 'answers_own_side', field: 'inReplyTo' });
  if (d.channel === 'electronic') {
    if (d.sentAt !== undefined) faults.push({ code: 'electronic_sent_now', field: 'sentAt' });
    if (d.deliveredAt !== undefined) faults.push({ code: 'electronic_delivered_now', field: 'deliveredAt' });
  } else {
    if (d.sentAt === undefined) faults.push({ code: 'sent_at_required', field: 'sentAt' });
    else if (d.sentAt > d.now) faults.push({ code: 'sent_in_future', field: 'sentAt' });
    faults.push(...deliveryFaults(d.sentAt, d.deliveredAt, d.now));
  }
  return faults;
}

/** A delivery of a written communication: not before it was sent, not in the future. */
export function deliveryFaults(sentAt: Date | undefined, deliveredAt: Date | undefined, now: Date): CommunicationFault[] {
  if (deliveredAt === undefined) return [];
  if (deliveredAt > now) return [{ code: 'delivered_in_future', field: 'deliveredAt' }];
  if (sentAt !== undefined && deliveredAt < sentAt) return [{ code: 'delivered_before_sent', field: 'deliveredAt' }];
  return [];
}
