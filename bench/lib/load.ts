/**
 * A lean HTTP/1.1 load generator for the benchmarks: keep-alive sockets, request bytes built
 * before the clock starts, responses parsed only as far as status and length. It spends far less
 * CPU per request than a general client, which matters when the generator shares the machine's
 * two cores with the server and PostgreSQL.
 */
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export type LoadResult = {
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  readonly seconds: number;
  readonly latencies: Float64Array;
  readonly statuses: Map<number, number>;
};

/** Builds the bytes of a POST with a JSON body. */
export function post(path: string, body: string, host = '127.0.0.1'): Buffer {
  const b = Buffer.from(body);
  return Buffer.concat([Buffer.from(`POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${b.length}\r\n\r\n`), b]);
}

export function get(path: string, host = '127.0.0.1'): Buffer {
  return Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
}

/**
 * Sends `requests` (taken in order, each once) over `connections` sockets for at most `seconds`,
 * one request in flight per socket; stops early when the requests run out.
 */
export async function load(port: number, requests: readonly Buffer[], connections: number, seconds: number): Promise<LoadResult> {
  let next = 0;
  let ok = 0;
  let failed = 0;
  const latencies = new Float64Array(requests.length);
  let measured = 0;
  const statuses = new Map<number, number>();
  const started = performance.now();
  const deadline = started + seconds * 1000;

  const lane = () =>
    new Promise<void>((resolve) => {
      const socket: Socket = connect({ port, host: '127.0.0.1', noDelay: true });
      let buffer = Buffer.alloc(0);
      let sentAt = 0;
      const send = () => {
        if (next >= requests.length || performance.now() >= deadline) {
          socket.end();
          resolve();
          return;
        }
        const req = requests[next++] as Buffer;
        sentAt = performance.now();
        socket.write(req);
      };
      socket.on('connect', send);
      socket.on('data', (chunk) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        for (;;) {
          const head = buffer.indexOf('\r\n\r\n');
          if (head < 0) return;
          const headers = buffer.subarray(0, head).toString('latin1');
          const length = Number(/content-length:\s*(\d+)/i.exec(headers)?.[1] ?? 0);
          if (buffer.length < head + 4 + length) return;
          const status = Number(headers.slice(9, 12));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 200 && status < 300) ok += 1;
          else failed += 1;
          latencies[measured++] = performance.now() - sentAt;
          buffer = buffer.subarray(head + 4 + length);
          send();
        }
      });
      socket.on('error', () => {
        failed += 1;
        resolve();
      });
    });

  await Promise.all(Array.from({ length: connections }, lane));
  return { sent: next, ok, failed, seconds: (performance.now() - started) / 1000, latencies: latencies.subarray(0, measured), statuses };
}

export function quantile(xs: Float64Array, q: number): number {
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}
