/**
 * The border office's exit data (art.129 p.3, art.134 p.3; CUS-DEC-29): which recorded exits are
 * the goods of a declaration, and whether the Code lets an export declaration be filed after the
 * goods left. Pure: no I/O, no clock.
 */
import type { Reason } from './declaration-checks.ts';
import type { DeclarationData, DeclarationForm } from './declaration.ts';

/** What a border officer recorded: the exit and what it was of. */
export type ExitFacts = {
  readonly exitedAt: Date;
  readonly vehicles: readonly string[];
  /** A released declaration whose goods left. */
  readonly declarationNumber: string | null;
  /** The transport (consignment) document the goods travelled under. */
  readonly transportDocument: { readonly typeCode: string; readonly number: string } | null;
  /** The goods themselves: who exports them and their commodity codes (a code may be a prefix, 4-10 digits). */
  readonly exporterCode: string | null;
  readonly commodityCodes: readonly string[];
};

/** A case of art.129 p.3 "except where this Code provides otherwise", as data (customs.exit_filing_exceptions). */
export type ExitException = {
  readonly code: string;
  /** The form of declaring it covers (periodic: art.138 p.2); null: any. */
  readonly form: DeclarationForm | null;
  /** The mode of transport it covers (pipeline, power lines: art.137 p.4); null: any. */
  readonly transportMode: string | null;
  /** Covers goods released before the declaration on an accepted undertaking (art.150). */
  readonly needsUndertaking: boolean;
  readonly legalBasis: string;
};

/** Spaces and case do not tell two vehicle or document numbers apart. */
export const normalised = (s: string): string => s.replace(/\s+/g, '').toUpperCase();

/**
 * Whether a recorded exit is of the goods a declaration declares: the same transport document
 * (type and number) among its documents, or the same exporter (declarant or consignor), one of the
 * same vehicles and goods under one of the codes recorded.
 */
export function exitMatches(exit: ExitFacts, data: DeclarationData, number: string | null = null): boolean {
  if (number !== null && exit.declarationNumber === number) return true;
  const doc = exit.transportDocument;
  if (doc && data.documents.some((d) => normalised(d.typeCode) === normalised(doc.typeCode) && normalised(d.number) === normalised(doc.number))) return true;
  if (exit.exporterCode === null || exit.commodityCodes.length === 0) return false;
  const isExporter = exit.exporterCode === data.declarantCode || (data.consignor.tin !== undefined && exit.exporterCode === data.consignor.tin);
  const ours = new Set(data.transport.vehicles.map(normalised));
  const sameVehicle = exit.vehicles.some((v) => ours.has(normalised(v)));
  const sameGoods = data.items.some((i) => exit.commodityCodes.some((c) => i.commodityCode.startsWith(c)));
  return isExporter && sameVehicle && sameGoods;
}

/** The first exception that covers a filing, or undefined. */
export function coveringException(
  exceptions: readonly ExitException[],
  data: DeclarationData,
  form: DeclarationForm,
  hasUndertaking: boolean,
): ExitException | undefined {
  return exceptions.find(
    (e) =>
      (e.form !== null || e.transportMode !== null || e.needsUndertaking) &&
      (e.form === null || e.form === form) &&
      (e.transportMode === null || e.transportMode === data.transport.mode) &&
      (!e.needsUndertaking || hasUndertaking),
  );
}

/**
 * Art.129 p.3 (CUS-DEC-29): an export declaration is filed before the goods leave. When the border
 * office recorded the goods' exit before the filing and no exception of the Code covers it, the
 * filing is refused: ground 6 of art.132 p.4 (the filing had to come before the exit).
 */
export function exitFilingReasons(
  data: DeclarationData,
  form: DeclarationForm,
  at: Date,
  exits: readonly ExitFacts[],
  exceptions: readonly ExitException[],
  hasUndertaking: boolean,
): Reason[] {
  if (data.direction !== 'export') return [];
  const gone = exits.filter((e) => e.exitedAt.getTime() <= at.getTime() && exitMatches(e, data));
  if (gone.length === 0 || coveringException(exceptions, data, form, hasUndertaking)) return [];
  const byDocument = gone.some((e) => e.transportDocument !== null && exitMatches({ ...e, exporterCode: null }, data));
  return [{ ground: 6, code: 'goods_already_exited', field: byDocument ? 'documents' : 'transport.vehicles' }];
}
