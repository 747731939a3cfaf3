/**
 * The electronic customs value form (форма бланка таможенной стоимости; art.361-363 as the draft
 * amends them, items 69-71; CUS-REG-08, CUS-REG-10). Its amounts are those of the declaration's
 * `valuation`, which the assessment reads; the form adds what the declarant states about the
 * transaction and the documents that support the value, as electronic copies (art.361 p.2). Pure.
 */
import type { DeclarationData, DocumentRef } from './declaration.ts';

/** A document supporting the declared value (art.361 p.1-2): an electronic copy uploaded to `/api/customs/documents`, named by its SHA-256. */
export type ValueFormDocument = Pick<DocumentRef, 'typeCode' | 'number' | 'date'> & { readonly sha256?: string };

export type ValueFormData = {
  /** The method of determining the customs value, 1 (transaction value) to 6 (fallback). */
  readonly method: 1 | 2 | 3 | 4 | 5 | 6;
  /** Why the earlier methods could not be used (they apply in order). */
  readonly methodReasons?: string;
  readonly invoiceNumber?: string;
  readonly invoiceDate?: string;
  readonly contractNumber?: string;
  readonly contractDate?: string;
  /** Additions to the price actually paid, in the invoice currency: they must be the declaration's. */
  readonly transportCost: string;
  readonly insuranceCost: string;
  readonly otherCosts: string;
  /** Seller and buyer are related; and how that did not (or did) influence the price. */
  readonly isRelated?: boolean;
  readonly relationInfluence?: string;
  /** Restrictions on the buyer's use of the goods. */
  readonly hasRestrictions?: boolean;
  /** The price depends on conditions whose value cannot be determined. */
  readonly hasConditions?: boolean;
  /** Licence fees and royalties are payable as a condition of the sale. */
  readonly hasRoyalties?: boolean;
  /** Part of the proceeds of resale goes back to the seller. */
  readonly hasResaleProceeds?: boolean;
  // Mutable: the form travels as it is received and returned (the response schema types plain arrays).
  readonly documents: ValueFormDocument[];
};

/** How a version reached customs: with the declaration (on its draft) or separately after it was filed (art.361 p.1). */
export type ValueFormSource = 'declaration' | 'with_declaration' | 'separate';

/** The fields the form shares with the declaration's `valuation`. */
const SHARED = ['method', 'transportCost', 'insuranceCost', 'otherCosts', 'contractNumber', 'contractDate'] as const;

/**
 * Where the form says something else than the declaration it belongs to: the assessment reads the
 * declaration, so a different value is declared by amending the declaration (art.133), not here.
 */
export function differencesFromDeclaration(form: ValueFormData, declaration: DeclarationData): string[] {
  const valuation = declaration.valuation as Partial<Record<(typeof SHARED)[number], unknown>>;
  return SHARED.filter((name) => (form[name] ?? null) !== (valuation[name] ?? null));
}

/**
 * The form as the declaration alone gives it, before the declarant submits one: the method, the
 * additions and the contract, and the invoice and contract copies the declaration names.
 */
export function formFromDeclaration(declaration: DeclarationData): ValueFormData {
  const v = declaration.valuation;
  const invoice = declaration.documents.find((d) => d.typeCode === 'INVOICE');
  return {
    method: v.method,
    ...(invoice ? { invoiceNumber: invoice.number, invoiceDate: invoice.date } : {}),
    ...(v.contractNumber !== undefined ? { contractNumber: v.contractNumber } : {}),
    ...(v.contractDate !== undefined ? { contractDate: v.contractDate } : {}),
    transportCost: v.transportCost,
    insuranceCost: v.insuranceCost,
    otherCosts: v.otherCosts,
    documents: declaration.documents
      .filter((d) => d.typeCode === 'INVOICE' || d.typeCode === 'CONTRACT')
      .map((d) => ({ typeCode: d.typeCode, number: d.number, date: d.date, ...(d.sha256 ? { sha256: d.sha256 } : {}) })),
  };
}
