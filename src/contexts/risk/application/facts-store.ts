/**
 * The facts store (CUS-RMS-20 step 1: information on the objects of control and on the results of
 * control): every subject as the risk engine saw it when it decided, the lane it gave, and whether a
 * control then found a violation. Draft profiles are simulated on it (simulate.ts).
 */
import { asc, eq } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import type { Lane, RiskSubject, SubjectItem } from '../domain/model.ts';
import { storedWords } from '../domain/sql-compile.ts';
import { type SubjectItemRow, type SubjectRow, subjectItems, subjects } from '../infrastructure/facts.schema.ts';

/** The sum the evaluator compares `totalCustomsValue` with: the items' values added in item order. */
export const totalCustomsValue = (subject: RiskSubject): number => subject.items.reduce((sum, item) => sum + item.customsValue, 0);

/**
 * Stores (or stores again) a subject with its items, in the caller's transaction. Idempotent: a
 * subject stored again (an amended declaration evaluated again) replaces its facts and items; the
 * lane and the control result already recorded are kept.
 */
export async function storeSubject(tx: Db, subject: RiskSubject, registeredAt: Date): Promise<void> {
  const facts = {
    kind: subject.kind,
    number: subject.number,
    direction: subject.direction,
    regime: subject.regime,
    officeCode: subject.officeCode,
    traderCode: subject.traderCode,
    brokerTin: subject.brokerTin ?? null,
    traderViolations: subject.trader.violations,
    traderDebt: subject.trader.debt,
    traderDeclarationsBefore: subject.trader.declarationsBefore,
    transportMode: subject.transportMode,
    vehicles: [...subject.vehicles],
    countryOfDispatch: subject.countryOfDispatch,
    countryOfDestination: subject.countryOfDestination,
    route: [...subject.route],
    plannedRoute: subject.plannedRoute ? [...subject.plannedRoute] : null,
    documentTypes: [...subject.documentTypes],
    totalCustomsValue: totalCustomsValue(subject),
    itemCount: subject.items.length,
    registeredAt,
    registeredOn: dushanbeDate(registeredAt),
  };
  await tx
    .insert(subjects)
    .values({ id: subject.id, ...facts })
    .onConflictDoUpdate({ target: subjects.id, set: facts });
  await tx.delete(subjectItems).where(eq(subjectItems.subjectId, subject.id));
  if (subject.items.length === 0) return;
  await tx.insert(subjectItems).values(
    subject.items.map((item) => ({
      subjectId: subject.id,
      number: item.number,
      commodityCode: item.commodityCode,
      description: item.description,
      descriptionWords: storedWords(item.description),
      goodsCategories: [...item.goodsCategories],
      originCountry: item.originCountry,
      netMassKg: item.netMassKg,
      supplementaryQuantity: item.supplementaryQuantity ?? null,
      customsValue: item.customsValue,
      registeredOn: facts.registeredOn,
    })),
  );
}

/** The subject as it was stored (items by number), or undefined. */
export async function readSubject(db: Db, id: string): Promise<RiskSubject | undefined> {
  const [row] = await db.select().from(subjects).where(eq(subjects.id, id));
  if (!row) return undefined;
  const items = await db.select().from(subjectItems).where(eq(subjectItems.subjectId, id)).orderBy(asc(subjectItems.number));
  return toSubject(row, items);
}

function toSubject(row: SubjectRow, items: readonly SubjectItemRow[]): RiskSubject {
  return {
    kind: row.kind,
    id: row.id,
    number: row.number,
    direction: row.direction,
    regime: row.regime,
    officeCode: row.officeCode,
    traderCode: row.traderCode,
    ...(row.brokerTin !== null ? { brokerTin: row.brokerTin } : {}),
    trader: { violations: row.traderViolations, debt: row.traderDebt, declarationsBefore: row.traderDeclarationsBefore },
    transportMode: row.transportMode,
    vehicles: row.vehicles,
    countryOfDispatch: row.countryOfDispatch,
    countryOfDestination: row.countryOfDestination,
    route: row.route,
    ...(row.plannedRoute !== null ? { plannedRoute: row.plannedRoute } : {}),
    items: items.map(toItem),
    documentTypes: row.documentTypes,
  };
}

function toItem(row: SubjectItemRow): SubjectItem {
  return {
    number: row.number,
    commodityCode: row.commodityCode,
    description: row.description,
    goodsCategories: row.goodsCategories,
    originCountry: row.originCountry,
    netMassKg: row.netMassKg,
    ...(row.supplementaryQuantity !== null ? { supplementaryQuantity: row.supplementaryQuantity } : {}),
    customsValue: row.customsValue,
  };
}

/** Records the lane decided for a stored subject (the risk service calls it with the decision). False: no such subject. */
export async function recordLane(tx: Db, subjectId: string, lane: Lane): Promise<boolean> {
  const updated = await tx.update(subjects).set({ lane }).where(eq(subjects.id, subjectId)).returning({ id: subjects.id });
  return updated.length > 0;
}

/**
 * Records the result of a control of a stored subject (art.429(2) p.1 i.8, CUS-RMS-20 step 8): a
 * violation found once stays found when a later control of the same subject finds nothing.
 */
export async function recordControlResult(tx: Db, subjectId: string, isViolationFound: boolean): Promise<boolean> {
  const [row] = await tx.select({ found: subjects.found }).from(subjects).where(eq(subjects.id, subjectId));
  if (!row) return false;
  await tx
    .update(subjects)
    .set({ found: row.found === true || isViolationFound })
    .where(eq(subjects.id, subjectId));
  return true;
}
