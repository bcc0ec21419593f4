import { describe, expect, it } from 'vitest';
import { classifySmtpError, isDeliverableAddress } from '@lectern/mail/mail.transport';
import { loadConfig } from '@lectern/config/config';

describe('notification settings and SMTP failure classes', () => {
  it('has development defaults: a local SMTP catcher on 127.0.0.1:1025 and a one-second relay', () => {
    const config = loadConfig({});
    expect(config.mail).toMatchObject({
      smtp: { host: '127.0.0.1', port: 1025, secure: false, user: null, password: null },
      from: 'Lectern <no-reply@lectern.localhost>',
      publicBaseUrl: 'http://localhost:3000',
    });
    expect(config.notifications.relayEveryMs).toBe(1_000);
    expect(config.notifications.sendLeaseSeconds * 1000).toBeGreaterThanOrEqual(2 * config.mail.timeoutMs);
  });

  it('reads the SMTP settings and trims the public URL', () => {
    const config = loadConfig({
      SMTP_HOST: 'smtp.example.org',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_USER: 'lectern',
      SMTP_PASSWORD: 'secret',
      MAIL_FROM: 'KubeCon <events@example.org>',
      PUBLIC_BASE_URL: 'https://events.example.org/',
    });
    expect(config.mail).toMatchObject({
      smtp: { host: 'smtp.example.org', port: 465, secure: true, user: 'lectern', password: 'secret' },
      from: 'KubeCon <events@example.org>',
      publicBaseUrl: 'https://events.example.org',
    });
  });

  it('refuses settings that would break delivery, naming the variable', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ SMTP_USER: 'only-user' }, /SMTP_USER and SMTP_PASSWORD must be set together/],
      [{ MAIL_FROM: 'not an address' }, /MAIL_FROM must be an address/],
      [{ PUBLIC_BASE_URL: 'ftp://files.example.org' }, /PUBLIC_BASE_URL must start with http/],
      [{ SMTP_PORT: '0' }, /SMTP_PORT must be between/],
      // a lease shorter than a send could let a second worker send the same message while the first still is
      [{ SMTP_TIMEOUT_MS: '60000', NOTIFY_SEND_LEASE_SECONDS: '90' }, /NOTIFY_SEND_LEASE_SECONDS must be at least twice SMTP_TIMEOUT_MS/],
      [{ NOTIFY_RELAY_EVERY_MS: '10' }, /NOTIFY_RELAY_EVERY_MS must be between/],
    ];
    for (const [env, message] of cases) expect(() => loadConfig(env)).toThrow(message);
  });

  it('treats 5xx replies and undeliverable addresses as permanent, everything else as worth retrying', () => {
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 550 })).toBe('permanent');
    expect(classifySmtpError({ code: 'EMESSAGE', responseCode: 552 })).toBe('permanent');
    expect(classifySmtpError({ code: 'EENVELOPE' })).toBe('permanent');
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 451 })).toBe('transient');
    expect(classifySmtpError({ code: 'ECONNECTION' })).toBe('transient');
    expect(classifySmtpError({ code: 'ETIMEDOUT' })).toBe('transient');
    expect(classifySmtpError({ code: 'EABORT' })).toBe('transient');
    // wrong SMTP credentials are the operator's to fix, not the recipient's fault
    expect(classifySmtpError({ code: 'EAUTH', responseCode: 535 })).toBe('transient');
    expect(classifySmtpError(new Error('socket hang up'))).toBe('transient');

    expect(isDeliverableAddress('ada@example.org')).toBe(true);
    expect(isDeliverableAddress('ada@localhost')).toBe(false);
    expect(isDeliverableAddress('ada@example.org\r\nBcc: x@y.z')).toBe(false);
    expect(isDeliverableAddress('"ada"@example.org')).toBe(false);
  });
});
