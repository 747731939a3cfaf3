/**
 * Simplified declaring of exported domestic goods at the declarant's request (art.137, CUS-DEC-75):
 * the incomplete declaration of art.135 and periodic declaring of art.136, allowed when this does
 * not hinder customs control and releases the declarant from none of its duties (art.137 p.2). Pure.
 */

export const SIMPLIFIED_PROCEDURES = ['incomplete', 'periodic'] as const;
export type SimplifiedProcedure = (typeof SIMPLIFIED_PROCEDURES)[number];
/** A request of its own, or the art.136 application for export that is the request itself. */
export type SimplifiedSource = 'request' | 'periodic_application';
/** REQUESTED → GRANTED or REFUSED, by a customs officer, once. */
export type SimplifiedState = 'REQUESTED' | 'GRANTED' | 'REFUSED';

/** Regimes under which domestic goods leave the customs territory (art.137 p.1: "domestic goods"; re-export is of foreign goods). */
export const DOMESTIC_EXPORT_REGIMES: readonly string[] = ['export', 'temporary_export', 'processing_outside'];

/** What customs knew of art.137 p.2 when it decided. */
export type SimplifiedFacts = {
  /** Customs payments of the declarant's released goods not yet confirmed paid: "full and timely payment". */
  readonly arrears: readonly { readonly reference: string; readonly outstandingDirams: string }[];
  /** Codes of the request under prohibitions and restrictions (permits of art.63 p.4 for export): the simplified procedure does not lift them. */
  readonly restrictedCodes: readonly string[];
};

/** The conditions of art.137 p.2 the facts show unmet; empty when the procedure may be granted. */
export function unmetConditions(facts: SimplifiedFacts): string[] {
  return facts.arrears.length > 0 ? ['customs_payments_in_arrears'] : [];
}

export type SimplifiedScope = {
  readonly procedure: SimplifiedProcedure;
  readonly officeCode: string;
  readonly commodityCodes: readonly string[];
  readonly validFrom: string;
  readonly validTo: string;
};

/** Whether a granted request covers a use: same procedure and office, every code, and the whole span of days. */
export function covers(grant: SimplifiedScope, use: SimplifiedScope): boolean {
  return (
    grant.procedure === use.procedure &&
    grant.officeCode === use.officeCode &&
    use.commodityCodes.every((c) => grant.commodityCodes.includes(c)) &&
    grant.validFrom <= use.validFrom &&
    use.validTo <= grant.validTo
  );
}
