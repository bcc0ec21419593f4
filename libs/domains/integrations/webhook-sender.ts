import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { safeLookup } from './webhook-target.policy';

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * One POST of a webhook. Redirects are not followed (a 3xx is a failed attempt: the subscriber must give the final
 * URL); the connection goes only to addresses safeLookup accepts; the whole exchange ends at `timeoutMs`.
 */
export function postWebhook(url: URL, headers: Record<string, string>, body: string, timeoutMs: number, allowHosts: readonly string[]): Promise<SendResult> {
  const started = performance.now();
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ statusCode, error, durationMs: Math.round(performance.now() - started) });
    };
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Lectern-Webhooks/1' },
        lookup: safeLookup(allowHosts),
        agent: false,
      },
      (response) => {
        // the answer's body is not kept: only whether it came in full
        response.resume();
        response.on('end', () => finish(response.statusCode ?? null, null));
        response.on('error', (error) => finish(response.statusCode ?? null, error.message));
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('error', (error) => finish(null, error.message));
    req.end(body);
  });
}
