import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream } from 'smtp-server';
import { inject } from 'vitest';
import { createScratchDatabase } from './databases';

export interface ReceivedMail {
  /** RCPT TO addresses of the SMTP transaction. */
  to: string[];
  parsed: ParsedMail;
}

type SmtpReply = { code: number; message: string } | null;

export interface SinkRules {
  /** Answer to RCPT TO: null accepts, otherwise the reply (e.g. 550 unknown user, 451 try later). */
  rcpt?: (address: string) => SmtpReply;
  /**
   * Called when DATA starts: null accepts; 'stall' never answers (the client hangs until it gives up or dies);
   * `delayMs` accepts after a pause; a reply refuses the message.
   */
  data?: (to: string[]) => 'stall' | { delayMs: number } | SmtpReply;
}

function smtpError(reply: { code: number; message: string }) {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}

/**
 * A real SMTP server on a loopback port (the `smtp-server` package), keeping every message it accepted, i.e. every
 * message whose DATA it answered with 250. A message it was still reading when the client vanished is not kept.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** RCPT TO addresses of every DATA that started, accepted or not. */
  readonly dataStarted: string[][] = [];
  port = 0;
  private server: SMTPServer | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly rules: SinkRules = {}) {}

  async start(port = 0): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 500,
      onRcptTo: (address, _session, callback) => {
        const reply = this.rules.rcpt?.(address.address) ?? null;
        callback(reply ? smtpError(reply) : undefined);
      },
      onData: (stream: SMTPServerDataStream, session, callback) => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        this.dataStarted.push(to);
        this.notify();
        const verdict = this.rules.data?.(to) ?? null;
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (verdict === 'stall') return;
          if (verdict && 'code' in verdict) return callback(smtpError(verdict));
          new Promise((resolve) => setTimeout(resolve, verdict?.delayMs ?? 0))
            .then(() => simpleParser(Buffer.concat(chunks)))
            .then((parsed) => {
              this.received.push({ to, parsed });
              callback(null, `Ok: queued as Q${randomBytes(5).toString('hex').toUpperCase()}`);
              this.notify();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  /** Resolves when `check` is true, re-checking on every message; rejects with `describe()` after the timeout. */
  waitFor(check: () => boolean, timeoutMs: number, describe: () => string = () => `${this.received.length} received`): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out: ${describe()}`));
      }, timeoutMs);
      const listener = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve();
      };
      this.listeners.add(listener);
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * A database of its own (every migration applied) and a Redis prefix of its own: the workers that other test
 * files start relay the run's shared outbox, and must not take this test's messages (nor this test theirs).
 */
export async function isolatedNotificationsEnvironment(label: string) {
  const database = await createScratchDatabase(label, { migrated: true });
  const redisPrefix = `${inject('redisPrefix')}_${label}_${randomBytes(3).toString('hex')}`;
  return {
    databaseUrl: database.url,
    redisPrefix,
    drop: database.drop,
    /** Configuration for an API and workers on this environment that send to `sink`, relaying every 100 ms. */
    overrides: (sink: SmtpSink, extra: Record<string, string> = {}): Record<string, string> => ({
      DATABASE_URL: database.url,
      REDIS_PREFIX: redisPrefix,
      SMTP_PORT: String(sink.port),
      MAIL_FROM: 'Lectern Test <no-reply@lectern.test>',
      PUBLIC_BASE_URL: 'https://lectern.test/',
      NOTIFY_RELAY_EVERY_MS: '100',
      NOTIFY_BACKOFF_MS: '200',
      WORKER_CONCURRENCY: '4',
      ...extra,
    }),
  };
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
