/**
 * The ASYCUDA SAD XML exchange as use cases (seed 000 measure 7, CUS-INF-02): a declaration out as
 * SAD XML, and a SAD XML document in as declaration data. Nothing is stored here: the caller
 * (the HTTP edge, or the stored declarations' export and import-as-draft) decides what to keep.
 */
import type { Failure, Result } from '../../../platform/result.ts';
import type { AsycudaErrorCode } from '../domain/asycuda-errors.ts';
import { toSadXml, unsharedFields } from '../domain/asycuda-export.ts';
import type { SadImport } from '../domain/asycuda-import.ts';
import type { SadExportMeta } from '../domain/asycuda-map.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { fromSadXml } from '../infrastructure/asycuda-xml.ts';

export type SadExport = {
  readonly xml: string;
  /** Paths of our fields that carry a value but have no place in the SAD (left out). */
  readonly unshared: readonly string[];
};

/** A declaration (with the registration of a registered one) as SAD XML, and what was left out. */
export function exportAsycudaSad(data: DeclarationData, meta: SadExportMeta = {}): SadExport {
  return { xml: toSadXml(data, meta), unshared: unsharedFields(data) };
}

/** A SAD XML document as declaration data, refused whole with every violation when it does not qualify. */
export function importAsycudaSad(xml: string): Result<SadImport, Failure<AsycudaErrorCode>> {
  return fromSadXml(xml);
}
