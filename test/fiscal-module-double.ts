/**
 * A software fiscal module for tests of the operator's intake: it keeps its key pair, numbers and
 * chains its documents, computes fiscal signs, MACs and Z-reports with the same scheme as the
 * operator, and checks the operator's acknowledgements. The cash-desk issue builds the real one.
 */
import { canonicalJson } from '../src/platform/canonical-json.ts';
import { lineAmount, lineTax, shiftTotals } from '../src/contexts/fiscal/domain/document-rules.ts';
import { CHAIN_START, nextChainHash, shiftSignedBytes } from '../src/platform/fiscal-document.ts';
import type { FiscalDocument, Receipt, ReceiptLine, RefundReference, ShiftOpening, ZReport } from '../src/platform/fiscal-document.ts';
import { createFiscalScheme, type ModuleKeys } from '../src/contexts/fiscal/domain/fiscal-scheme.ts';

const scheme = createFiscalScheme();

export type LineInput = { name: string; quantity: number; price: number; vatBp?: number; originalLine?: number; unit?: string; markingCode?: string };

/** Dushanbe local time of an instant, as the register prints it (+05:00). */
export const localIso = (d: Date) => `${new Date(d.getTime() + 5 * 3_600_000).toISOString().slice(0, 19)}+05:00`;

export class ModuleDouble {
  readonly publicKey: Uint8Array;
  private readonly privateKey: Uint8Array;
  private keys: ModuleKeys | undefined;
  private nextNumber = 1;
  private lastSign = '';
  private chain = CHAIN_START;
  private shift = 0;
  private shiftOpenedAt = '';
  private receiptInShift = 0;
  private shiftReceipts: Receipt[] = [];
  offlineSince: string | undefined;

  constructor(
    readonly number: string,
    readonly registerNumber: string,
    readonly business: { tin: string; name: string },
    readonly address: string,
  ) {
    const pair = scheme.generateModuleKeyPair();
    this.publicKey = pair.publicKey;
    this.privateKey = pair.privateKey;
  }

  get publicKeyHex(): string {
    return Buffer.from(this.publicKey).toString('hex');
  }

  /** p.81: with the operator's public key, both sides now hold the module's keys. */
  initialise(operatorPublicKeyHex: string): void {
    this.keys = scheme.deriveModuleKeys(this.privateKey, Buffer.from(operatorPublicKeyHex, 'hex'), this.number);
  }

  /** Seals any document content as the module would (for tests of what the operator refuses). */
  sealRaw<T extends Omit<FiscalDocument, 'fiscalSign' | 'mac'>>(doc: T): T & { fiscalSign: string; mac: string } {
    if (!this.keys) throw new Error('module not initialised');
    const { fiscalSign: _fs, mac: _mac, ...content } = doc as T & { fiscalSign?: string; mac?: string };
    const fiscalSign = scheme.fiscalSign(this.keys, Buffer.from(canonicalJson(content)));
    return this.sealWithSign(content as T, fiscalSign);
  }

  /** Authenticates a document whose fiscal sign was not made by the module's key (a forged sign). */
  sealWithSign<T extends Omit<FiscalDocument, 'fiscalSign' | 'mac'>>(doc: T, fiscalSign: string): T & { fiscalSign: string; mac: string } {
    if (!this.keys) throw new Error('module not initialised');
    const withSign = { ...doc, fiscalSign };
    return { ...withSign, mac: scheme.documentMac(this.keys, Buffer.from(canonicalJson(withSign))) };
  }

  /** The document number the next document will carry. */
  get next(): number {
    return this.nextNumber;
  }

  private seal<T extends Omit<FiscalDocument, 'fiscalSign' | 'mac'>>(doc: T): T & { fiscalSign: string; mac: string } {
    if (!this.keys) throw new Error('module not initialised');
    const fiscalSign = scheme.fiscalSign(this.keys, Buffer.from(canonicalJson(doc)));
    const withSign = { ...doc, fiscalSign };
    const mac = scheme.documentMac(this.keys, Buffer.from(canonicalJson(withSign)));
    this.lastSign = fiscalSign;
    this.nextNumber += 1;
    const sealed = { ...withSign, mac };
    this.chain = nextChainHash(this.chain, sealed);
    return sealed;
  }

  private common(at: Date, isOffline: boolean) {
    if (isOffline) this.offlineSince ??= localIso(at);
    else this.offlineSince = undefined;
    return {
      fiscalModuleNumber: this.number,
      number: this.nextNumber,
      prevFiscalSign: this.lastSign,
      registerNumber: this.registerNumber,
      shiftNumber: this.shift,
      issuedAt: localIso(at),
      isOffline,
      ...(isOffline && this.offlineSince ? { offlineSince: this.offlineSince } : {}),
    };
  }

  openShift(at: Date, isOffline = false): ShiftOpening {
    this.shift += 1;
    this.receiptInShift = 0;
    this.shiftReceipts = [];
    this.shiftOpenedAt = localIso(at);
    return this.seal({ type: 'shift_open', ...this.common(at, isOffline) }) as ShiftOpening;
  }

  receipt(at: Date, lines: LineInput[], o: { isOffline?: boolean; nonCash?: number; refundOf?: RefundReference; cashGiven?: number } = {}): Receipt {
    const built: ReceiptLine[] = lines.map((l) => {
      const amount = lineAmount(l.quantity, l.price);
      const rate = l.vatBp ?? 1400;
      return {
        name: l.name,
        ...(l.markingCode !== undefined ? { markingCode: l.markingCode } : {}),
        quantity: l.quantity,
        unit: l.unit ?? 'дона',
        price: l.price,
        amount,
        tax: { kind: rate === 0 ? 'none' : 'vat', rateBp: rate, amount: lineTax(amount, rate === 0 ? 'none' : 'vat', rate) },
        ...(l.originalLine !== undefined ? { originalLine: l.originalLine } : {}),
      };
    });
    const total = built.reduce((s, l) => s + l.amount, 0);
    const nonCash = o.nonCash ?? 0;
    this.receiptInShift += 1;
    const doc = this.seal({
      type: 'receipt',
      ...this.common(at, o.isOffline ?? false),
      operation: o.refundOf ? 'refund' : 'sale',
      receiptNumber: this.receiptInShift,
      business: this.business,
      address: this.address,
      lines: built,
      payment: { cash: o.cashGiven ?? total - nonCash, nonCash },
      total,
      taxTotal: built.reduce((s, l) => s + l.tax.amount, 0),
      ...(o.refundOf ? { refundOf: o.refundOf } : {}),
    } as Omit<Receipt, 'fiscalSign' | 'mac'>) as Receipt;
    this.shiftReceipts.push(doc);
    return doc;
  }

  zReport(at: Date, isOffline = false): ZReport {
    return this.seal({ type: 'z_report', ...this.common(at, isOffline), openedAt: this.shiftOpenedAt, totals: shiftTotals(this.shiftReceipts) }) as ZReport;
  }

  /** FS1 shift close: the signature over the Z-report just formed and the chain head (`tamper` signs another head). */
  shiftSignature(z: ZReport, tamper = false) {
    const chainHash = tamper ? nextChainHash(this.chain, { forged: true }) : this.chain;
    const signature = Buffer.from(scheme.sign(this.privateKey, shiftSignedBytes(chainHash, z))).toString('hex');
    return { fiscalModuleNumber: this.number, shiftNumber: z.shiftNumber, chainHash, signature };
  }

  /** Checks the operator's acknowledgement; a forged or altered one is refused. */
  verifyAck(ack: string): boolean {
    if (!this.keys) return false;
    const parsed = JSON.parse(ack) as Record<string, unknown> & { mac: string };
    const { mac, ...core } = parsed;
    return scheme.ackMac(this.keys, Buffer.from(canonicalJson(core))) === mac;
  }

  /** A reference to one of this module's receipts, for a refund. */
  static refOf(r: Receipt): RefundReference {
    return { fiscalModuleNumber: r.fiscalModuleNumber, number: r.number, fiscalSign: r.fiscalSign, total: r.total, issuedAt: r.issuedAt };
  }
}
