import { Worker } from 'node:worker_threads';

export interface LoadRequest {
  method: string;
  path: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface LoadResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: T;
}

/**
 * The client runs in a worker thread of its own: in the test process the API serves on the main thread, and a
 * crowd of clients on that same event loop would measure the client as much as the API.
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const { baseUrl, requests, connections } = workerData;
const url = new URL(baseUrl);
const agent = new Agent({ keepAlive: true, maxSockets: connections });
Promise.all(requests.map((r) => new Promise((resolve) => {
  const payload = r.body === undefined ? undefined : JSON.stringify(r.body);
  const headers = { ...(r.headers || {}) };
  if (r.token) headers.authorization = 'Bearer ' + r.token;
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  const req = request({ agent, host: url.hostname, port: url.port, method: r.method, path: r.path, headers }, (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    res.on('error', (error) => resolve({ status: 0, headers: {}, text: String(error) }));
  });
  req.on('error', (error) => resolve({ status: 0, headers: {}, text: String(error) }));
  req.end(payload);
}))).then((responses) => { agent.destroy(); parentPort.postMessage(responses); });
`;

/**
 * Sends every request at once over a keep-alive pool of `connections` sockets (the rest queue in the client), the
 * way a crowd hits the API when registration opens. Every response is collected, none is retried; a connection
 * failure comes back as status 0.
 */
export async function sendAll<T = unknown>(baseUrl: string, requests: LoadRequest[], connections = 96): Promise<LoadResponse<T>[]> {
  const worker = new Worker(CLIENT, { eval: true, workerData: { baseUrl, requests, connections } });
  try {
    const raw = await new Promise<Omit<LoadResponse, 'body'>[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    return raw.map((r) => ({
      ...r,
      body: String(r.headers['content-type'] ?? '').includes('json') && r.text ? JSON.parse(r.text) : r.text,
    }));
  } finally {
    await worker.terminate();
  }
}
