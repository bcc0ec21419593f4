import { Agent, request } from 'node:http';

export interface LoadRequest {
  method: string;
  path: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface LoadResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: any;
}

/**
 * Sends every request at once over a keep-alive pool of `connections` sockets (Node queues the rest), the way a
 * crowd hits the API when registration opens. Each response is collected; nothing is retried.
 */
export async function sendAll(baseUrl: string, requests: LoadRequest[], connections = 96): Promise<LoadResponse[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(baseUrl);
  try {
    return await Promise.all(
      requests.map(
        (r) =>
          new Promise<LoadResponse>((resolve, reject) => {
            const payload = r.body === undefined ? undefined : JSON.stringify(r.body);
            const headers: Record<string, string> = { ...(r.headers ?? {}) };
            if (r.token) headers.authorization = `Bearer ${r.token}`;
            if (payload !== undefined) {
              headers['content-type'] = 'application/json';
              headers['content-length'] = String(Buffer.byteLength(payload));
            }
            const req = request(
              { agent, host: url.hostname, port: url.port, method: r.method, path: r.path, headers },
              (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (chunk: Buffer) => chunks.push(chunk));
                res.on('end', () => {
                  const text = Buffer.concat(chunks).toString('utf8');
                  let body: unknown = text;
                  if ((res.headers['content-type'] ?? '').includes('json') && text) body = JSON.parse(text);
                  resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
                });
                res.on('error', reject);
              },
            );
            req.on('error', reject);
            req.end(payload);
          }),
      ),
    );
  } finally {
    agent.destroy();
  }
}
