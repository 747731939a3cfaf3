/**
 * A simulator of the finance authority (the Ministry of Finance's treasury): another agency's
 * system, run as its own HTTP server with its own in-memory state, so the customs side is tested
 * over real HTTP exactly as it would talk to the real one (docs/customs-payments.md).
 *
 * - `POST /payments`: a payer's payment at a bank reaches the budget; the treasury at once pushes an
 *   electronic confirmation to customs (Customs Code art.149 p.3), signed with HMAC-SHA256 over the
 *   raw body (`X-Finance-Signature: sha256=<hex>`), retrying on network errors and 5xx answers.
 * - `GET /receipts?reference=…` or `?paymentOrderNumber=…`: receipts into the budget (art.149 p.2).
 *   Customs signs the query (`X-Finance-Signature` over "GET <path>?<query>") and sees all; a payer
 *   without a signature must name its TIN (`payerTin`) and sees only its own.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { Type } from 'typebox';

export const SIGNATURE_HEADER = 'x-finance-signature';
export const CONFIRMATIONS_PATH = '/api/customs/finance/payment-confirmations';

export type FinanceSimulatorOptions = {
  readonly port?: number;
  readonly host?: string;
  /** Base URL of customs; read on every push, so it may be set after the simulator starts. */
  readonly customsUrl: string | (() => string | undefined);
  readonly secret: string;
  readonly retry?: { readonly attempts: number; readonly baseDelayMs: number };
  readonly now?: () => Date;
};

/** A receipt into the budget as the treasury holds it, with the state of its push to customs. */
export type SimulatedReceipt = {
  readonly receiptId: string;
  readonly paymentOrderNumber: string;
  readonly paymentOrderDate: string;
  readonly payerTin: string;
  readonly reference: string;
  readonly budgetCode: string;
  readonly amountDirams: string;
  readonly receivedAt: string;
  push: { state: 'pending' | 'delivered' | 'refused' | 'failed' | 'held'; attempts: number; lastStatus?: number };
};

export type FinanceSimulator = {
  readonly url: string;
  readonly close: () => Promise<void>;
  /** Holds pushes back (false) to simulate a lost confirmation; `true` resumes for new payments. */
  readonly setPushing: (isOn: boolean) => void;
  /** Resolves when every push under way has ended (delivered, refused or given up). */
  readonly settled: () => Promise<void>;
  readonly receipts: () => readonly SimulatedReceipt[];
};

const sign = (secret: string, text: string) => `sha256=${createHmac('sha256', secret).update(text, 'utf8').digest('hex')}`;
const isSigned = (secret: string, text: string, header: unknown) => {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(sign(secret, text));
  return a.length === b.length && timingSafeEqual(a, b);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PaymentBody = Type.Object(
  {
    payerTin: Type.String({ pattern: '^\\d{9}$' }),
    reference: Type.String({ pattern: '^[A-Za-z0-9/-]{3,40}$', description: 'Payment reference: the goods declaration number' }),
    budgetCode: Type.String({ pattern: '^\\d{4,20}$' }),
    amountDirams: Type.String({ pattern: '^[1-9]\\d{0,18}$' }),
    paymentOrderNumber: Type.String({ pattern: '^[A-Za-z0-9-]{1,30}$' }),
    paymentOrderDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    bank: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
const ReceiptsQuery = Type.Object(
  {
    reference: Type.Optional(Type.String({ maxLength: 40 })),
    paymentOrderNumber: Type.Optional(Type.String({ maxLength: 30 })),
    payerTin: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  },
  { additionalProperties: false },
);

type PaymentInput = { payerTin: string; reference: string; budgetCode: string; amountDirams: string; paymentOrderNumber: string; paymentOrderDate: string };

/** Starts the simulator on its own port (0: any free one). */
export async function startFinanceSimulator(options: FinanceSimulatorOptions): Promise<FinanceSimulator> {
  const now = options.now ?? (() => new Date());
  const retry = options.retry ?? { attempts: 6, baseDelayMs: 500 };
  const customsUrl = typeof options.customsUrl === 'function' ? options.customsUrl : () => options.customsUrl as string;
  const receipts = new Map<string, SimulatedReceipt>();
  const inFlight = new Set<Promise<void>>();
  let isPushing = true;
  let isClosing = false;

  const wire = (r: SimulatedReceipt) => {
    const { push: _push, ...rest } = r;
    return rest;
  };

  async function push(r: SimulatedReceipt): Promise<void> {
    const body = JSON.stringify(wire(r));
    for (let attempt = 1; attempt <= retry.attempts && !isClosing; attempt += 1) {
      r.push.attempts = attempt;
      const base = customsUrl();
      try {
        if (!base) throw new Error('customs URL not known yet');
        const res = await fetch(new URL(CONFIRMATIONS_PATH, base), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(options.secret, body) },
          body,
          signal: AbortSignal.timeout(5000),
        });
        r.push.lastStatus = res.status;
        await res.arrayBuffer();
        if (res.ok) {
          r.push.state = 'delivered';
          return;
        }
        // A refusal (bad signature, bad data) will not change by repeating it.
        if (res.status < 500) {
          r.push.state = 'refused';
          return;
        }
      } catch {
        // Network failure: retry below.
      }
      if (attempt < retry.attempts && !isClosing) await sleep(retry.baseDelayMs * 2 ** (attempt - 1));
    }
    r.push.state = 'failed';
  }

  function startPush(r: SimulatedReceipt): void {
    const p = push(r).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  const app = Fastify({ logger: false });
  app.get('/health', async () => ({ status: 'ok' }));

  app.post('/payments', { schema: { body: PaymentBody } }, async (request, reply) => {
    const b = request.body as PaymentInput;
    const key = `${b.paymentOrderNumber}|${b.paymentOrderDate}|${b.payerTin}`;
    const existing = receipts.get(key);
    if (existing) {
      const isSame = existing.reference === b.reference && existing.budgetCode === b.budgetCode && existing.amountDirams === b.amountDirams;
      return reply.code(isSame ? 200 : 409).send(isSame ? wire(existing) : { error: 'payment order number already used with other data' });
    }
    const r: SimulatedReceipt = {
      receiptId: randomUUID(),
      paymentOrderNumber: b.paymentOrderNumber,
      paymentOrderDate: b.paymentOrderDate,
      payerTin: b.payerTin,
      reference: b.reference,
      budgetCode: b.budgetCode,
      amountDirams: b.amountDirams,
      receivedAt: now().toISOString(),
      push: { state: isPushing ? 'pending' : 'held', attempts: 0 },
    };
    receipts.set(key, r);
    if (isPushing) startPush(r);
    return reply.code(201).send(wire(r));
  });

  app.get('/receipts', { schema: { querystring: ReceiptsQuery } }, async (request, reply) => {
    const q = request.query as { reference?: string; paymentOrderNumber?: string; payerTin?: string };
    if (!q.reference && !q.paymentOrderNumber) return reply.code(400).send({ error: 'reference or paymentOrderNumber is required' });
    const isCustoms = isSigned(options.secret, `GET ${request.url}`, request.headers[SIGNATURE_HEADER]);
    if (!isCustoms && !q.payerTin) return reply.code(401).send({ error: 'a payer names its TIN; customs signs the query' });
    const found = [...receipts.values()].filter(
      (r) =>
        (!q.reference || r.reference === q.reference) &&
        (!q.paymentOrderNumber || r.paymentOrderNumber === q.paymentOrderNumber) &&
        (isCustoms ? !q.payerTin || r.payerTin === q.payerTin : r.payerTin === q.payerTin),
    );
    return { receipts: found.map(wire) };
  });

  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const { address, port } = app.server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: async () => {
      isClosing = true;
      await Promise.allSettled([...inFlight]);
      await app.close();
    },
    setPushing: (isOn) => {
      isPushing = isOn;
    },
    settled: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    receipts: () => [...receipts.values()],
  };
}
