import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { modelUsability } from '../domain/model-registry.ts';
import type { FiscalDeps } from './deps.ts';
import type { OperatorKeys } from './operator-keys.ts';

/**
 * What the registries say about one register, as the virtual cash register needs it before work
 * (p.3, p.19, p.31-32, p.56, p.67, p.70, p.81). Plain data: the cash desk never reads the fiscal
 * schema itself.
 */
export type RegisterFactsForCashdesk = {
  readonly registerId: string;
  readonly registryNumber: string;
  readonly kind: 'online' | 'virtual';
  readonly status: 'registered' | 'deregistered';
  readonly isLost: boolean;
  /** p.9 field 2: the manufacturer number, the VCR's serial number. */
  readonly serialNumber: string;
  /** p.9 field 5. */
  readonly placeOfActivity: string;
  readonly business: { readonly tin: string; readonly name: string; readonly legalAddress: string; readonly dataVersion: number };
  /** The business data version the register was (re-)registered with (p.70 item 6). */
  readonly registerBusinessDataVersion: number;
  /** The module named in the registration, and whether it is installed in this register now. */
  readonly fiscalModule: {
    readonly number: string;
    readonly status: string;
    readonly isInstalledHere: boolean;
    /** p.81: the module's public key, once the TSC has initialised it with the operator. */
    readonly publicKey: string | null;
  } | null;
  /** p.3: the model or program is in the state registry with a valid certificate. */
  readonly isModelUsable: boolean;
  /** p.67 item 5, p.70 item 4: a TSC in the registry services the register. */
  readonly isTscActive: boolean;
  /** The operator's GOST R 34.10-2012 public key (hex), which a module is initialised with (p.81). */
  readonly operatorPublicKey: string;
};

type Row = {
  id: string;
  registry_number: string;
  kind: 'online' | 'virtual';
  status: 'registered' | 'deregistered';
  is_lost: boolean;
  manufacturer_number: string;
  place_of_activity: string;
  business_data_version: number;
  fiscal_module_number: string;
  tin: string;
  name: string;
  legal_address: string;
  data_version: number;
  fm_number: string | null;
  fm_status: string | null;
  fm_register_id: string | null;
  public_key: string | null;
  model_status: 'included' | 'excluded' | null;
  model_kind: 'online' | 'virtual' | null;
  valid_from: string | null;
  valid_to: string | null;
  tsc_status: string | null;
};

const SQL = `SELECT r.id, r.registry_number, r.kind, r.status, r.is_lost, r.manufacturer_number, r.place_of_activity, r.business_data_version,
       r.fiscal_module_number, b.tin, b.name, b.legal_address, b.data_version, fm.number AS fm_number, fm.status AS fm_status,
       fm.register_id AS fm_register_id, fm.public_key, m.status AS model_status, m.kind AS model_kind,
       m.certificate_valid_from::text AS valid_from, m.certificate_valid_to::text AS valid_to, t.status AS tsc_status
  FROM fiscal.registers r
  JOIN fiscal.businesses b ON b.tin = r.business_tin
  LEFT JOIN fiscal.fiscal_modules fm ON fm.number = r.fiscal_module_number
  LEFT JOIN fiscal.models m ON m.id = r.model_id
  LEFT JOIN fiscal.tscs t ON t.id = r.tsc_id
 WHERE r.id = $1`;

/** The registry facts of a register, or undefined when there is no such register. */
export async function registerFactsForCashdesk(
  deps: FiscalDeps,
  operatorKeys: () => Promise<OperatorKeys>,
  registerId: string,
): Promise<RegisterFactsForCashdesk | undefined> {
  const [row] = await deps.database.query<Row>(SQL, [registerId]);
  if (!row) return undefined;
  const model = row.model_status
    ? { kind: row.model_kind ?? row.kind, status: row.model_status, certificateValidFrom: row.valid_from ?? '', certificateValidTo: row.valid_to ?? '' }
    : undefined;
  return {
    registerId: row.id,
    registryNumber: row.registry_number,
    kind: row.kind,
    status: row.status,
    isLost: row.is_lost === true,
    serialNumber: row.manufacturer_number,
    placeOfActivity: row.place_of_activity,
    business: { tin: row.tin, name: row.name, legalAddress: row.legal_address, dataVersion: Number(row.data_version) },
    registerBusinessDataVersion: Number(row.business_data_version),
    fiscalModule: row.fm_number
      ? {
          number: row.fm_number,
          status: row.fm_status ?? '',
          isInstalledHere: row.fm_register_id === row.id && row.fm_status === 'installed',
          publicKey: row.public_key,
        }
      : null,
    isModelUsable: model ? modelUsability(model, dushanbeDate(deps.clock.now())).isUsable : false,
    isTscActive: row.tsc_status === 'included',
    operatorPublicKey: (await operatorKeys()).publicKeyHex,
  };
}
