import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n, supportedLanguages, Language } from '@lectern/i18n/i18n';
import { MESSAGE_TEMPLATES, MessageContext, MessageData, MessageEvent, MessageTemplate } from '@lectern/mail/message-context';
import { TEMPLATE_PLACEHOLDERS, placeholderValues, renderMessage, renderSubject } from '@lectern/mail/render';
import { placeholdersIn, unknownPlaceholders } from '@lectern/mail/template-text';
import { projectRoot } from '@lectern/project-root';

const BASE = 'https://lectern.example.org';

const event: MessageEvent = {
  slug: 'kubecon-china-2030',
  languages: ['en', 'zh-CN'],
  name: { en: 'KubeCon + CloudNativeCon China 2030', 'zh-CN': 'KubeCon + CloudNativeCon 中国 2030' },
  city: { en: 'Shanghai', 'zh-CN': '上海' },
  venue: { en: 'Shanghai Expo Centre' },
  timezone: 'Asia/Shanghai',
  startsAt: '2030-06-24T01:00:00Z',
  endsAt: '2030-06-26T10:00:00Z',
};

function fixtures(text: string): { [T in MessageTemplate]: MessageData[T] } {
  return {
    'role.granted': { role: 'REVIEWER', eventUrl: `${BASE}/events/${event.slug}` },
    'event.status_changed': { status: 'POSTPONED', eventUrl: `${BASE}/events/${event.slug}` },
    'submission.received': { submissionTitle: text, submissionUrl: `${BASE}/events/${event.slug}/submissions/s1` },
    'cospeaker.invitation': {
      submissionTitle: text,
      inviterName: text,
      respondUrl: `${BASE}/invitations/tok`,
      expiresAt: '2030-03-01T02:30:00Z',
    },
    'decision.accepted': {
      submissionTitle: text,
      speakerComments: [`Great topic.\nMore demos, please. ${text}`, '   '],
      confirmBy: '2030-04-01T15:59:00Z',
      confirmUrl: `${BASE}/events/${event.slug}/submissions/s1/confirm`,
    },
    'session.invited': { submissionTitle: text, confirmBy: '2030-04-01T15:59:00Z', confirmUrl: `${BASE}/events/${event.slug}/submissions/s1/confirm` },
    'decision.rejected': { submissionTitle: text, speakerComments: [text] },
    'decision.waitlisted': { submissionTitle: text, speakerComments: [] },
    'confirmation.reminder': { submissionTitle: text, confirmBy: null, confirmUrl: `${BASE}/events/${event.slug}/submissions/s1/confirm` },
    'registration.confirmed': { ticketName: text, badgeToken: 'BDG-7Q4X-93KD', badgeUrl: `${BASE}/badges/BDG-7Q4X-93KD` },
    'waitlist.offer': { ticketName: text, expiresAt: '2030-06-01T04:00:00Z', claimUrl: `${BASE}/events/${event.slug}/registrations/r1/claim` },
    'registration.cancelled': { ticketName: text, reason: 'OFFER_EXPIRED' },
    'scholarship.awarded': {
      programmeName: text,
      freeRegistration: true,
      travelGrant: { amountMinor: 120_000, currency: 'USD' },
      detailsUrl: `${BASE}/events/${event.slug}/scholarships/a1`,
    },
    'webhook.disabled': { webhookUrl: `https://hooks.example.org/${text}`, failures: 50, settingsUrl: `${BASE}/events/${event.slug}/webhooks/w1` },
    'schedule.released': {
      version: 2,
      sessions: [
        { code: 'KCC19-0001', title: text, room: text, startsAt: '2030-06-24T01:00:00Z', endsAt: '2030-06-24T01:35:00Z', change: 'MOVED' },
        { code: 'KCC19-0002', title: 'Keynote', room: 'Hall A', startsAt: '2030-06-25T01:00:00Z', endsAt: '2030-06-25T01:15:00Z', change: null },
      ],
      programmeUrl: `${BASE}/events/${event.slug}/programme`,
      ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
    },
    'edition.changed': {
      kind: 'POSTPONED',
      from: { startsAt: '2030-03-30T07:00:00Z', endsAt: '2030-04-02T16:00:00Z' },
      to: { startsAt: '2030-08-13T07:00:00Z', endsAt: '2030-08-16T16:00:00Z' },
      registration: { cancelled: true, refundDue: { amountMinor: 109_900, currency: 'EUR' } },
      eventUrl: `${BASE}/events/${event.slug}`,
    },
    'compose.message': { subject: { en: `About ${text}`, 'zh-CN': `关于 ${text}` }, body: { en: `Hello {name},\n\n${text}`, 'zh-CN': `{name}，您好\n\n${text}` } },
  };
}

function context<T extends MessageTemplate>(template: T, language: Language, data: MessageData[T], name: string | null = 'Ada Lovelace') {
  return { template, recipient: { name, email: 'ada@example.org', language }, event, data } as MessageContext;
}

function flatKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => flatKeys(inner, prefix ? `${prefix}.${key}` : key));
}

const locale = (lng: Language) => JSON.parse(readFileSync(join(projectRoot(), 'locales', lng, 'email.json'), 'utf8')) as unknown;
const KEYS = flatKeys(locale('en'));

const GREETINGS: Record<Language, string> = { en: 'Hello Ada Lovelace,', 'zh-CN': 'Ada Lovelace，您好', ja: 'Ada Lovelace 様', ko: 'Ada Lovelace님, 안녕하십니까.' };
const greeting = (language: Language) => GREETINGS[language] ?? i18n().t('email:common.greeting', { lng: language, name: 'Ada Lovelace' });

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe('e-mail templates', () => {
  it('have the same keys in every language', () => {
    for (const language of supportedLanguages()) expect(flatKeys(locale(language)).sort(), language).toEqual([...KEYS].sort());
  });

  for (const language of supportedLanguages()) {
    for (const template of MESSAGE_TEMPLATES) {
      it(`renders ${template} in ${language} with a plain-text part, an HTML part and no untranslated key`, () => {
        const data = fixtures('Scaling etcd to 10k nodes')[template];
        const message = renderMessage(context(template, language, data));
        expect(message.subject.length).toBeGreaterThan(5);
        expect(message.subject).not.toMatch(/[\r\n]/);
        expect(message.text.length).toBeGreaterThan(50);
        expect(message.html).toContain(`<html lang="${language}">`);
        for (const part of [message.subject, message.text, message.html]) {
          expect(part).not.toContain('{{');
          for (const key of KEYS) expect(part).not.toContain(key);
        }
        const eventName = language === 'zh-CN' ? event.name['zh-CN'] : event.name.en;
        expect(message.text).toContain(eventName);
        expect(message.text).toContain(greeting(language));
        expect(message.html).toContain(greeting(language));
        // every link in the HTML is one the resolver built, and the plain text carries it too
        for (const href of hrefs(message.html)) {
          expect(href.startsWith(`${BASE}/`)).toBe(true);
          expect(message.text).toContain(href);
        }
        expect(renderSubject(context(template, language, data))).toBe(message.subject);
      });
    }
  }

  it('escapes a hostile title in HTML and neither part turns it into a link, markup or a header', () => {
    const hostile =
      '<script>alert(1)</script>"><a href=//evil.example>win</a> \'onmouseover=x https://evil.example/login www.evil.example\r\nBcc: victim@example.org';
    for (const language of supportedLanguages()) {
      for (const template of MESSAGE_TEMPLATES) {
        const message = renderMessage(context(template, language, fixtures(hostile)[template], hostile));
        expect(message.html).not.toMatch(/<script/i);
        expect(message.html).not.toMatch(/<a href=\/\/evil/i);
        expect(message.html).not.toContain("'onmouseover");
        expect(hrefs(message.html).every((href) => href.startsWith(`${BASE}/`))).toBe(true);
        expect(message.html.match(/<a /g)?.length ?? 0).toBe(hrefs(message.html).length);
        for (const part of [message.subject, message.text, message.html]) {
          // organisers' own text may carry links (plain text, never an anchor): only other people's text is defanged
          if (template !== 'compose.message') {
            expect(part).not.toContain('https://evil');
            expect(part).not.toContain('www.evil');
          }
          expect(part).not.toContain('\r');
        }
        expect(message.subject).not.toContain('\n');
        if (template === 'submission.received') {
          expect(message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;a href=//evil.example&gt;');
          expect(message.text).toContain('<script>alert(1)</script>"><a href=//evil.example>');
          expect(message.text).toContain('https[:]//evil.example/login www[.]evil.example');
        }
      }
    }
  });

  it('shows interpolation syntax in a title literally instead of expanding it', () => {
    const sneaky = '{{name}} $t(common.footer) {{- event}}';
    const message = renderMessage(context('submission.received', 'en', fixtures(sneaky)['submission.received']));
    expect(message.subject).toBe(`We received your proposal “${sneaky}”`);
    expect(message.text).toContain(`Thank you for submitting “${sneaky}”`);
  });

  it('writes instants in the event’s time zone and the recipient’s language', () => {
    const offer = fixtures('Ticket')['waitlist.offer'];
    const en = renderMessage(context('waitlist.offer', 'en', offer));
    const zh = renderMessage(context('waitlist.offer', 'zh-CN', offer));
    // 04:00 UTC is noon in Shanghai
    expect(en.text).toContain('June 1, 2030 at 12:00 PM (Asia/Shanghai)');
    expect(zh.text).toContain('2030年6月1日 12:00（Asia/Shanghai）');
    expect(en.subject).toBe('A place at KubeCon + CloudNativeCon China 2030 is waiting for you');
    expect(zh.subject).toBe('KubeCon + CloudNativeCon 中国 2030 有一个名额为您保留');
    // the host city in the recipient's language; a text not given in it falls back to the edition's primary language
    expect(en.text).toContain('Shanghai Expo Centre, Shanghai');
    expect(zh.text).toContain('Shanghai Expo Centre, 上海');
    const englishCity = { ...event, city: { en: 'Shanghai' } };
    expect(renderMessage({ ...context('waitlist.offer', 'zh-CN', offer), event: englishCity }).text).toContain('Shanghai Expo Centre, Shanghai');
  });

  it('shows an online edition’s times in its zone and the reader’s, an in-person one’s dates alone', () => {
    const summit = { ...event, timezone: 'America/Los_Angeles', startsAt: '2030-04-07T13:00:00Z', endsAt: '2030-04-07T21:00:00Z' };
    const data = fixtures('x')['role.granted'];
    const base = context('role.granted', 'en', data);
    const read = (format: 'IN_PERSON' | 'VIRTUAL', timeZone: string | null) =>
      // Intl puts narrow and thin no-break spaces around times and dashes
      renderMessage({ ...base, event: { ...summit, format }, recipient: { ...base.recipient, timeZone } }).text.replace(/[\u202f\u2009\u00a0]/g, ' ');
    expect(read('VIRTUAL', 'Europe/Berlin')).toContain('Apr 7, 2030, 6:00 AM – 2:00 PM PDT / Apr 7, 2030, 3:00 – 11:00 PM GMT+2');
    expect(read('VIRTUAL', null)).toContain('Apr 7, 2030, 6:00 AM – 2:00 PM PDT');
    expect(read('VIRTUAL', null)).not.toContain(' / ');
    expect(read('IN_PERSON', 'Europe/Berlin')).toContain('April 7, 2030 – April 7, 2030');
    expect(read('IN_PERSON', 'Europe/Berlin')).not.toContain('GMT+2');
  });

  it('writes Japanese and Korean messages with their own dates, punctuation and greetings', () => {
    const offer = fixtures('一般')['waitlist.offer'];
    const ja = renderMessage(context('waitlist.offer', 'ja', offer));
    expect(ja.subject).toBe('KubeCon + CloudNativeCon China 2030の参加枠をお取り置きしています');
    expect(ja.text.startsWith('Ada Lovelace 様\n')).toBe(true);
    expect(ja.text).toContain('お取り置き期限：2030年6月1日 12:00（Asia/Shanghai）');
    expect(ja.text).toContain('日程：2030年6月24日〜2030年6月26日');
    expect(ja.html).toContain("'Hiragino Sans'");
    const ko = renderMessage(context('waitlist.offer', 'ko', offer));
    expect(ko.subject).toBe('KubeCon + CloudNativeCon China 2030 참가 자리를 확보해 두었습니다');
    expect(ko.text).toContain('확보 기한: 2030년 6월 1일 PM 12:00 (Asia/Shanghai)');
    expect(ko.text).toContain('일정: 2030년 6월 24일 ~ 2030년 6월 26일');
    expect(ko.html).toContain("'Apple SD Gothic Neo'");
    const award = (language: Language) =>
      renderMessage(context('scholarship.awarded', language, { ...fixtures('Diversity')['scholarship.awarded'], travelGrant: { amountMinor: 120_000, currency: language === 'ja' ? 'JPY' : 'KRW' } })).text;
    expect(award('ja')).toContain('渡航費支援：￥120,000');
    expect(award('ko')).toContain('여비 지원: ₩120,000');
  });

  it('includes the badge link and code, reviewer comments for speakers, and the travel grant in local money', () => {
    const badge = renderMessage(context('registration.confirmed', 'zh-CN', fixtures('Individual')['registration.confirmed']));
    expect(hrefs(badge.html)).toEqual([`${BASE}/badges/BDG-7Q4X-93KD`]);
    expect(badge.text).toContain('胸卡编码：BDG-7Q4X-93KD');

    const accepted = renderMessage(context('decision.accepted', 'en', fixtures('Talk')['decision.accepted']));
    expect(accepted.text).toContain('Comments from the reviewers:\n\n> Great topic.\n> More demos, please. Talk');
    expect(accepted.html).toContain('Great topic.<br>More demos, please. Talk</blockquote>');
    expect(accepted.html.match(/<blockquote/g)).toHaveLength(1);
    const rejected = renderMessage(context('decision.waitlisted', 'en', fixtures('Talk')['decision.waitlisted']));
    expect(rejected.text).not.toContain('Comments from the reviewers');

    const award = renderMessage(context('scholarship.awarded', 'en', fixtures('Diversity')['scholarship.awarded']));
    expect(award.text).toContain('Travel grant: $1,200.00');
    // minor units are the currency's own: 120,000 is ¥120,000 in yen, ¥1,200.00 in renminbi
    const inCurrency = (currency: string, language: 'en' | 'zh-CN') =>
      renderMessage(
        context('scholarship.awarded', language, { ...fixtures('Diversity')['scholarship.awarded'], travelGrant: { amountMinor: 120_000, currency } }),
      ).text;
    expect(inCurrency('JPY', 'en')).toContain('Travel grant: ¥120,000\n');
    expect(inCurrency('CNY', 'zh-CN')).toContain('¥1,200.00');
  });

  it('greets a recipient without a name and refuses to link anywhere but http(s)', () => {
    const anonymous = renderMessage(context('role.granted', 'zh-CN', fixtures('x')['role.granted'], null));
    expect(anonymous.text.startsWith('您好：')).toBe(true);
    expect(() =>
      renderMessage(context('role.granted', 'en', { role: 'ORGANISER', eventUrl: 'javascript:alert(1)' })),
    ).toThrow(/refusing to link/);
  });
});

describe('organisers’ wording of a message type', () => {
  for (const template of MESSAGE_TEMPLATES) {
    it(`offers exactly the placeholders ${template}’s context fills in`, () => {
      const values = placeholderValues(context(template, 'en', fixtures('Scaling etcd')[template]));
      expect(Object.keys(values).sort()).toEqual([...TEMPLATE_PLACEHOLDERS[template]].sort());
    });
  }

  it('replaces the default subject and paragraphs in the recipient’s language, keeps the link, escapes everything', () => {
    const hostileTitle = '<img src=x onerror=alert(1)> https://evil.example';
    const override = {
      version: 3,
      subject: { en: 'In: {title} ({event})', 'zh-CN': '入选：{title}' },
      body: {
        en: 'Dear {name},\n\n<b>Bold</b> <script>alert(2)</script> news: {title} is in.\nConfirm by {confirm_by}.',
        'zh-CN': '{name}，您好\n\n<b>好消息</b>：{title} 已入选。',
      },
    };
    const data = fixtures(hostileTitle)['decision.accepted'];
    const en = renderMessage({ ...context('decision.accepted', 'en', data), override });
    expect(en.subject).toBe('In: <img src=x onerror=alert(1)> https[:]//evil.example (KubeCon + CloudNativeCon China 2030)');
    expect(en.text).toContain('Dear Ada Lovelace,\n\n<b>Bold</b> <script>alert(2)</script> news: <img src=x onerror=alert(1)> https[:]//evil.example is in.');
    expect(en.text).toContain('Confirm by ');
    expect(en.text).not.toContain(i18n().t('email:decisionAccepted.intro', { lng: 'en', title: 'x', event: 'y' }).slice(0, 12));
    expect(en.html).toContain('&lt;b&gt;Bold&lt;/b&gt; &lt;script&gt;alert(2)&lt;/script&gt;');
    expect(en.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(en.html).not.toMatch(/<script|<img|<b>/);
    // the button and the reviewers' comments stay
    expect(hrefs(en.html)).toEqual([data.confirmUrl]);
    expect(en.text).toContain('More demos, please.');

    const zh = renderMessage({ ...context('decision.accepted', 'zh-CN', data), override });
    expect(zh.subject).toBe('入选：<img src=x onerror=alert(1)> https[:]//evil.example');
    expect(zh.html).toContain('&lt;b&gt;好消息&lt;/b&gt;');
    expect(renderSubject({ ...context('decision.accepted', 'zh-CN', data), override })).toBe(zh.subject);
  });

  it('finds placeholders a message does not offer', () => {
    expect(unknownPlaceholders('Hi {name}, {talk} at {event} {title}', TEMPLATE_PLACEHOLDERS['decision.rejected'])).toEqual(['talk']);
    expect(placeholdersIn('{a} {b} {a} {not closed {0x}')).toEqual(['a', 'b']);
  });
});
