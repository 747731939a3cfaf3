/**
 * Electronic customs (seed 001, the draft amendments to the Customs Code): this first slice holds
 * the reference data with effective-date history (IMP-07). The only import target of the customs
 * context for src/app and other contexts (docs/customs-reference.md).
 */
import type { Calendar } from '../../platform/calendar/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { DueTimeChecker, EventHandler } from '../../platform/outbox.ts';
import type { ProblemSpec } from '../../platform/problems.ts';
import type { CustomsDeps } from './application/deps.ts';
import type { NationalSignatureCheck } from './application/declaration-signature.ts';
import { DEFAULT_DECLARATION_SETTINGS, type DeclarationSettings } from './application/declaration-store.ts';
import { incompleteOverdueChecker, preliminaryDueChecker } from './application/declaration-checkers.ts';
import { periodicDeclarationHandlers } from './application/declaration-periodic.ts';
import { DECLARATION_RELEASED, releaseByReference } from './application/declaration-release.ts';
import { releaseFromStorage as leaveStorage } from './application/storage-release.ts';
import { storageFor as storageOf } from './application/storage-queries.ts';
import { applyRiskLane as applyLane, type RiskLaneInput } from './application/declaration-risk.ts';
import type { ReleasePorts } from './application/declaration-release.ts';
import type { Db } from '../../platform/db.ts';
import { guaranteeCover as coverOf } from './application/guarantee-cover.ts';
import { issuePaymentOrder as issueOrder } from './application/payment-issue-order.ts';
import { PAYMENT_CONFIRMED_TOPIC as PAID, type PaymentConfirmedEvent as Paid } from './application/payment-matching.ts';
import { paidTotal as paid } from './application/payment-statement.ts';
import { usePreliminaryInformation as usePi } from './application/preliminary-use.ts';
import { declarationProblems } from './domain/declaration-errors.ts';
import type { GuaranteePurpose as Purpose } from './domain/guarantees.ts';
import { declarationRoutes, type DeclarationPorts } from './infrastructure/declaration.routes.ts';
import { asycudaProblems } from './domain/asycuda-errors.ts';
import { referenceProblems } from './domain/errors.ts';
import { financeProblems } from './domain/finance-errors.ts';
import { type FinanceSettings, financeSettingsFromEnv, httpFinanceAuthority } from './infrastructure/finance-http.ts';
import { guaranteeRoutes } from './infrastructure/guarantee.routes.ts';
import { paymentRoutes } from './infrastructure/payment.routes.ts';
import { asycudaRoutes } from './infrastructure/asycuda.routes.ts';
import { referenceRoutes } from './infrastructure/reference.routes.ts';
import { periodicChecker } from './application/periodic-checker.ts';
import { periodicProblems } from './domain/periodic-errors.ts';
import { periodicRoutes } from './infrastructure/periodic.routes.ts';
import { preliminaryExpiryChecker } from './application/preliminary-expiry.ts';
import { storageDeadlineChecker } from './application/storage-checker.ts';
import { arrivalProblems } from './domain/arrival-errors.ts';
import { preliminaryRoutes } from './infrastructure/preliminary.routes.ts';
import { storageRoutes } from './infrastructure/storage.routes.ts';
import { warehouseRoutes } from './infrastructure/warehouse.routes.ts';
import { processingPermitChecker } from './application/regime-permit-checker.ts';
import { regimeProblems } from './domain/regime-errors.ts';
import { regimeRoutes } from './infrastructure/regime.routes.ts';
import { auditChecker } from './application/audit-checker.ts';
import { escortChecker } from './application/escort-checker.ts';
import { escortProposalHandler } from './application/escort-proposals.ts';
import { auditProblems } from './domain/audit-errors.ts';
import { escortProblems } from './domain/escort-errors.ts';
import { auditRoutes } from './infrastructure/audit.routes.ts';
import { escortRoutes } from './infrastructure/escort.routes.ts';
import { afterReleaseProblems } from './domain/after-release-errors.ts';
import { currencyControlProblems } from './domain/currency-control-errors.ts';
import { labResultProblems } from './domain/lab-result-errors.ts';
import { sampleProblems } from './domain/sample-errors.ts';
import { simplifiedProblems } from './domain/simplified-errors.ts';
import { afterReleaseRoutes } from './infrastructure/after-release.routes.ts';
import { currencyControlRoutes } from './infrastructure/currency-control.routes.ts';
import { labResultRoutes } from './infrastructure/lab-result.routes.ts';
import { sampleRoutes } from './infrastructure/sample.routes.ts';
import { simplifiedRoutes } from './infrastructure/simplified.routes.ts';
import { controlPowerProblems } from './domain/control-powers-errors.ts';
import { exitProblems } from './domain/exit-errors.ts';
import { statisticsOnChangeAfterRelease, statisticsOnRelease } from './application/statistics-record.ts';
import { undertakingChecker } from './application/undertaking-checker.ts';
import { exitRoutes } from './infrastructure/exit.routes.ts';
import { freeZoneWithdrawalRoutes } from './infrastructure/free-zone-withdrawal.routes.ts';
import { retentionRoutes } from './infrastructure/retention.routes.ts';
import { statisticsRoutes } from './infrastructure/statistics.routes.ts';
import { undertakingRoutes } from './infrastructure/undertaking.routes.ts';
import { formDefinitionProblems } from './domain/form-definition-errors.ts';
import { valueFormProblems } from './domain/value-form-errors.ts';
import { formDefinitionRoutes } from './infrastructure/form-definition.routes.ts';
import { valueCommunicationRoutes } from './infrastructure/value-communication.routes.ts';
import { controlPowersRoutes } from './infrastructure/control-powers.routes.ts';
import { valueFormRoutes } from './infrastructure/value-form.routes.ts';

export type { CustomsDeps } from './application/deps.ts';
/** Rates and values on a day (the day a declaration is accepted, art.136 p.13): for declarations and guarantees. */
export { exchangeRateOn, getReferenceOn, tariffOn } from './application/reference-queries.ts';
/** Which offices may accept a filing (art.125 p.1-2). */
export { competentOffices } from './domain/offices.ts';
export { TABLES } from './domain/tables.ts';
/** ASYCUDA World SAD XML exchange (seed 000 measure 7, CUS-INF-02): a declaration out as SAD XML, a SAD document in as declaration data (docs/customs-asycuda.md). */
export { exportAsycudaSad, importAsycudaSad, type SadExport } from './application/asycuda-exchange.ts';
/** The pure mapping and the validating reader, for callers that need one step only. */
export { toSadXml, unsharedFields } from './domain/asycuda-export.ts';
export type { SadImport } from './domain/asycuda-import.ts';
export type { SadExportMeta, SadImportMeta, SadPayment } from './domain/asycuda-map.ts';
export { fromSadXml } from './infrastructure/asycuda-xml.ts';
/** Payments confirmed by the finance authority (art.149 p.2-3, CUS-DEC-85, IMP-10; docs/customs-payments.md). */
export { issuePaymentOrder, type IssuePaymentOrderInput, type IssuedPaymentOrder } from './application/payment-issue-order.ts';
/** CUS-REL-02: confirmed receipts matched to a reference, in dirams. */
export { paidTotal } from './application/payment-statement.ts';
/** Outbox topic `customs.payment_confirmed`, published in the transaction that matched a receipt. */
export { PAYMENT_CONFIRMED_TOPIC, type PaymentConfirmedEvent } from './application/payment-matching.ts';
export type { FinanceAuthority, FinanceReceipt } from './application/payment-finance-authority.ts';
/** Whether goods are secured for release by payment or guarantee (art.149 p.1 i.3, p.2; AMB-21). */
export { PAYMENT_KINDS, type PaymentKind, releaseSecurity } from './domain/payments.ts';
/** The guarantee registry (Chapter 46, IMP-11): free cover for a purpose, draws and their release. */
export { guaranteeCover } from './application/guarantee-cover.ts';
export { drawGuarantee } from './application/guarantee-draw.ts';
export { releaseGuaranteeUse } from './application/guarantee-release-use.ts';
/** Which purpose a placement needs a guarantee for (CUS-GUA-03/04/08/10/15); transit escort rule (CUS-GUA-16). */
export { type GuaranteePurpose, needsEscort, type Placement, requiredPurpose } from './domain/guarantees.ts';
/** Demo data: the demo broker's general guarantee and a payment order for DEMO-0001. */
export { DEMO_PAYMENT_REFERENCE, seedCustomsFinanceDemo } from './application/guarantee-demo-seed.ts';
/** Refusals of payments and guarantees, for docs/errors.md. */
export { financeProblems } from './domain/finance-errors.ts';
export type { FinanceSettings } from './infrastructure/finance-http.ts';
/** Refusals of the ASYCUDA exchange (also in customsErrorCatalogue). */
export { asycudaProblems } from './domain/asycuda-errors.ts';

/** Periodic declaring (art.136-138, docs/customs-periodic.md): the notice on which goods leave temporary storage (CUS-TS-18, art.121 p.1), or undefined. */
export { periodicNotice } from './application/periodic-queries.ts';
/** The permitted application a periodic goods declaration is checked against (codes, period, notices with delivery days and actual quantities), or undefined. */
export { periodicApplicationFor } from './application/periodic-queries.ts';
/** P6: the declaration slice records, in its transaction, that the declaration for the period was accepted. */
export { markPeriodicDeclared } from './application/periodic-mark-declared.ts';
/** Refusals of periodic declaring (also in customsErrorCatalogue). */
export { periodicProblems } from './domain/periodic-errors.ts';

/** Refusals of the reference data and of the goods declaration (also in customsErrorCatalogue). */
export { referenceProblems } from './domain/errors.ts';
export { declarationProblems } from './domain/declaration-errors.ts';

/**
 * Preliminary information, temporary storage and warehouses (art.11-1, art.77 p.2, art.93-121;
 * docs/customs-arrival.md). `usePreliminaryInformation` reuses registered PI (arrival, storage,
 * declaration, transit) within its 30 days and records the use, or refuses (PI_NOT_FOUND,
 * PI_NOT_REGISTERED, PI_EXPIRED); runs in the caller's transaction.
 */
export { usePreliminaryInformation, type PreliminaryForUse } from './application/preliminary-use.ts';
/** Whether goods need preliminary information, and the "not required" reasons of art.11-1 p.7-8. */
export { PI_NEVER_MODES, PI_OPTIONAL_REASONS, preliminaryRequirement, type PiRequirement } from './domain/preliminary.ts';
/** Status, office, start, periods and goods of goods in temporary storage, or undefined. */
export { storageFor } from './application/storage-queries.ts';
/** CUS-TS-18: release from temporary storage on a declaration or a periodic notice, recording the document; in the caller's transaction. */
export { releaseFromStorage } from './application/storage-release.ts';
/** TS-1 for transit: opens temporary storage on completion of internal transit (art.92 p.13), in the caller's transaction. */
export { openTemporaryStorage } from './application/storage-present.ts';
/** CUS-TS-17: how a security reference is checked (default: `customs.guarantees`). */
export { type GuaranteeCheck, registryGuaranteeCheck } from './application/storage-guarantee.ts';
/** Demo data: one registered PI, one storage record short-declared into one warehouse. */
export { seedCustomsArrivalDemo } from './application/storage-demo-seed.ts';
/** Refusals of the arrival slice (also in customsErrorCatalogue). */
export { arrivalProblems } from './domain/arrival-errors.ts';

/** Regimes with electronic record keeping and processing permits (CUS-REG-01..07, docs/customs-regimes.md): refusals (also in customsErrorCatalogue). */
export { regimeProblems } from './domain/regime-errors.ts';
/** Outbox topics: a processing permit issued; an application not decided within 10 working days (CUS-REG-05). */
export { PROCESSING_PERMIT_ISSUED } from './application/regime-decide-permit.ts';
export { PROCESSING_PERMIT_OVERDUE } from './application/regime-permit-checker.ts';

/** Customs audits and escort (art.417-417(2), art.402(1); docs/customs-audits.md): refusals (also in customsErrorCatalogue). */
export { auditProblems } from './domain/audit-errors.ts';
export { escortProblems } from './domain/escort-errors.ts';
/** CUS-CTL-09: which grounds of art.402(1) p.2 hold for a carriage (pure). */
export { type EscortFacts, type EscortGround, escortGrounds } from './domain/escort.ts';
/** Outbox topics: an audit past its last day without an act; an escort not organised within 24 hours. */
export { AUDIT_OVERDUE } from './application/audit-checker.ts';
export { ESCORT_OVERDUE } from './application/escort-checker.ts';

/**
 * The hand-off with risk management (art.399 p.2-3, p.5; CUS-CTL-02, 03, 05; docs/risk.md): what it
 * analyses of a registered declaration or preliminary information, the topics it listens to, and
 * the control results customs feeds back (CUS-RMS-20).
 */
export {
  declarationRiskFacts,
  PRELIMINARY_REGISTERED,
  preliminaryRiskFacts,
  type RiskItemFacts,
  type RiskSubjectFacts,
} from './application/declaration-risk-subject.ts';
export { DECLARATION_REGISTERED, type DeclarationRegisteredEvent } from './application/declaration-register.ts';
export { CONTROL_RESULT_TOPIC, type ControlResultEvent } from './application/declaration-control.ts';
export type { AppliedLane, RiskLaneInput } from './application/declaration-risk.ts';

// What release checks besides the lane: confirmed payments and guarantee cover (art.149 p.1-2).
const purposeOf: Record<string, Purpose> = { customs_warehouse: 'customs_warehouse', duty_free_shop: 'duty_free_shop', free_zone: 'free_warehouse' };
const releasePorts: ReleasePorts = {
  paidTotal: paid,
  guaranteeCover: (tx, q) => coverOf(tx, { ...q, purpose: purposeOf[q.regime] ?? 'relief_regime' }),
};

/**
 * The lane the `risk` context decided (or an officer re-routed) for a declaration, in the caller's
 * transaction: yellow and red put it under control; green and blue release it at once when every
 * other condition holds, with no officer (art.399 p.5, CUS-CTL-05). Refuses a re-routing once the
 * declaration no longer awaits release (DECLARATION_STATE_INVALID).
 */
export function applyRiskLane(tx: Db, declarationId: string, input: RiskLaneInput) {
  return applyLane(tx, releasePorts, declarationId, input);
}

/** The context's refusals by slice, each a section of docs/errors.md (src/app/error-docs.ts). */
export const customsErrorSections: readonly (readonly [string, Readonly<Record<string, ProblemSpec>>])[] = [
  ['Customs reference data', referenceProblems],
  ['Customs: goods declaration and release', declarationProblems],
  ['Customs: form definitions (art.124 p.7, 10, 13)', formDefinitionProblems],
  ['Customs: the customs value form and customs value communications (art.361-365)', valueFormProblems],
  ['Customs: samples (art.127 p.1)', sampleProblems],
  ['Customs: results of tests of samples (art.127 p.1 i.4)', labResultProblems],
  ['Customs: currency-control data (art.124 p.12)', currencyControlProblems],
  ['Customs: simplified export procedures (art.137)', simplifiedProblems],
  ['Customs: changes after release (art.133 p.8-9)', afterReleaseProblems],
  ['Customs: exit, originals kept, statistics, undertakings, free-zone withdrawal', exitProblems],
  ['Customs: ASYCUDA SAD XML exchange', asycudaProblems],
  ['Customs: payments and guarantees', financeProblems],
  ['Customs: periodic declaring', periodicProblems],
  ['Customs: preliminary information, temporary storage and warehouses', arrivalProblems],
  ['Customs: stock ledgers of regime places and processing permits', regimeProblems],
  ['Customs: audits (art.417, 417(1), 417(2))', auditProblems],
  ['Customs: escort (art.402(1))', escortProblems],
  ['Customs: officers’ powers of control (art.399 p.4)', controlPowerProblems],
];

/** Every refusal of the context (docs/errors.md). */
export const customsErrorCatalogue: Readonly<Record<string, ProblemSpec>> = Object.assign({}, ...customsErrorSections.map(([, catalogue]) => catalogue));

export type CustomsContextDeps = {
  readonly database: Database;
  readonly clock: Clock;
  readonly calendar: () => Calendar;
  readonly verifyNationalSignature?: NationalSignatureCheck;
  readonly declarations?: Partial<DeclarationSettings>;
  /** Where the finance authority is and the shared secret of its signature; default BEKOGAZ_FINANCE_URL / _SECRET. */
  readonly finance?: FinanceSettings;
};

/** Builds the context: routes and error catalogue; nothing to start yet. */
export function createCustomsContext(base: CustomsContextDeps) {
  const deps: CustomsDeps = { ...base, declarations: { ...DEFAULT_DECLARATION_SETTINGS, ...base.declarations } };
  let finance = base.finance ?? financeSettingsFromEnv();
  const paymentDeps = { ...deps, finance: { authority: httpFinanceAuthority(() => finance), secret: () => finance.secret } };
  // The goods declaration asks the other slices through these ports (docs/customs-declarations.md).
  const ports: DeclarationPorts = {
    ...releasePorts,
    preliminary: async (tx, number, at) => {
      const used = await usePi(tx, { number, use: 'declaration', at });
      return { isUsable: used.ok };
    },
    issueOrder: async (tx, order) => {
      await issueOrder(tx, { ...order, actor: 'system:customs' });
    },
    storage: async (tx, number) => {
      const found = await storageOf(tx, number);
      return found
        ? {
            isActive: found.status === 'IN_TEMPORARY_STORAGE' || found.status === 'SHORT_DECLARED',
            periodEndsAt: found.ordinaryEndsAt,
            officeCode: found.officeCode,
          }
        : undefined;
    },
  };
  // CUS-TS-18 (art.121 p.1): released goods leave temporary storage on the declaration.
  const onRelease: EventHandler = {
    name: 'customs.storage-release-on-declaration',
    topic: DECLARATION_RELEASED,
    handle: async (tx, event) => {
      const { number, storageNumber } = event.payload as { number: string; storageNumber: string | null };
      if (storageNumber) await leaveStorage(tx, { storageNumber, basis: 'declaration', documentNumber: number, at: deps.clock.now(), actor: 'system:customs' });
    },
  };
  const onPayment: EventHandler = {
    name: 'customs.release-on-payment',
    topic: PAID,
    handle: async (tx, event) => {
      await releaseByReference(tx, ports, (event.payload as Paid).reference, deps.clock.now());
    },
  };
  return {
    deps,
    problems: customsErrorCatalogue,
    start: async () => {},
    routes(app: App): void {
      referenceRoutes(app, deps);
      declarationRoutes(app, deps, ports);
      asycudaRoutes(app);
      paymentRoutes(app, paymentDeps);
      guaranteeRoutes(app, deps);
      periodicRoutes(app, deps);
      preliminaryRoutes(app, deps);
      storageRoutes(app, deps);
      warehouseRoutes(app, deps);
      regimeRoutes(app, deps);
      auditRoutes(app, deps);
      escortRoutes(app, deps);
      sampleRoutes(app, deps);
      labResultRoutes(app, deps);
      currencyControlRoutes(app, deps);
      simplifiedRoutes(app, deps);
      afterReleaseRoutes(app, deps);
      exitRoutes(app, deps);
      retentionRoutes(app, deps);
      statisticsRoutes(app, deps);
      undertakingRoutes(app, deps);
      freeZoneWithdrawalRoutes(app, deps);
      formDefinitionRoutes(app, deps);
      valueFormRoutes(app, deps);
      valueCommunicationRoutes(app, deps);
      controlPowersRoutes(app, deps);
    },
    handlers: [
      onPayment,
      onRelease,
      ...periodicDeclarationHandlers(deps),
      escortProposalHandler(deps),
      statisticsOnRelease(),
      statisticsOnChangeAfterRelease(),
    ] as EventHandler[],
    checkers: [
      periodicChecker(),
      preliminaryDueChecker(),
      incompleteOverdueChecker(),
      preliminaryExpiryChecker(),
      storageDeadlineChecker(),
      processingPermitChecker(),
      auditChecker(),
      escortChecker(),
      undertakingChecker(),
    ] as DueTimeChecker[],
    /** Points customs at a finance authority (the demo's simulator, a test's); applies to the next request. */
    connectFinance(settings: FinanceSettings): void {
      finance = settings;
    },
  };
}
