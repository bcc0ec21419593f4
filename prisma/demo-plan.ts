import { CompanySize, Gender, Industry, JobFunction, MediaKind, SponsorTier } from '@lectern/database/generated/enums';
import { EDITIONS } from './seed-data';

/**
 * What the demo builds, decided before anything is written: every person, ticket, talk and decision of the
 * KubeCon + CloudNativeCon + Open Source Summit China 2019 edition (and its 2018 predecessor), chosen so that the
 * transparency report computed from them prints the figures the Linux Foundation published. A pure function of
 * one seed: the same plan, hence the same report, on every machine.
 *
 * Names of people, companies, media outlets, sponsors and co-located events are invented; only the aggregate
 * figures are the published ones.
 */

/** The published headline figures of KubeCon + CloudNativeCon + Open Source Summit China 2019. */
export const PUBLISHED_FIGURES = {
  registrations: 3500,
  previousRegistrations: 2500,
  registrationsChange: 1000,
  firstTimePercent: 60,
  countries: 43,
  continents: 5,
  topCountry: 'CN',
  topCountryPercent: 83,
  sponsors: 42,
  communityPartners: 9,
  colocatedEvents: 14,
  companySize3000PlusPercent: 50,
  mediaAndAnalysts: 54,
  englishSpeakingMedia: 13,
  cfpSubmissions: 937,
  acceptancePercent: 20,
  keynotes: 29,
  breakouts: 177,
  maintainerTrack: 38,
  lightningTalks: 8,
  /** "160+ livestream registrations". */
  livestreamAtLeast: 160,
} as const;

export const DEMO_EMAIL_DOMAIN = 'demo.lectern.example';
/** Every demo attendee and speaker signs in with this password (they share one argon2id hash). */
export const DEMO_ATTENDEE_PASSWORD = 'lectern-demo-attendee';

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a small, fast 32-bit generator; good enough to shuffle demo data, and the same everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)];

/** `counts` expanded into a shuffled list holding each value exactly its count of times. */
function exactly<T>(counts: readonly (readonly [T, number])[], rnd: () => number): T[] {
  return shuffle(
    counts.flatMap(([value, count]) => Array.from({ length: count }, () => value)),
    rnd,
  );
}

const sumOf = (counts: readonly (readonly [unknown, number])[]) => counts.reduce((a, [, n]) => a + n, 0);

// ---------------------------------------------------------------------------------------------------------------
// The answers 2019 attendees gave (exact counts; each list's total is the number who answered that question)

/** 43 countries on five continents; China 2,739 of the 3,300 who gave a country = 83.0%. */
const COUNTRIES_2019: [string, number][] = [
  ['CN', 2739],
  ['JP', 70], ['US', 52], ['SG', 45], ['IN', 40], ['DE', 40], ['HK', 38], ['KR', 30], ['TW', 30], ['GB', 30],
  ['FR', 18], ['AU', 18], ['CA', 15], ['MY', 12], ['NL', 12], ['RU', 10], ['TH', 8], ['VN', 8], ['ID', 7],
  ['IL', 6], ['ES', 6], ['IT', 6], ['CH', 6], ['PH', 5], ['SE', 5], ['BR', 5], ['AE', 4], ['PL', 4], ['NZ', 4],
  ['IE', 3], ['FI', 3], ['PK', 2], ['BD', 2], ['DK', 2], ['BE', 2], ['AT', 2], ['NO', 2], ['PT', 2], ['MX', 2],
  ['AR', 2], ['KZ', 1], ['CZ', 1], ['UA', 1],
];

/** 1,550 of the 3,100 who answered work at companies of 3,000 or more: 50.0%. */
const COMPANY_SIZES_2019: [CompanySize, number][] = [
  ['SIZE_3000_PLUS', 1550], ['SIZE_250_999', 430], ['SIZE_1000_2999', 420], ['SIZE_50_249', 340], ['SIZE_10_49', 230], ['SIZE_1_9', 130],
];

const JOB_FUNCTIONS_2019: [JobFunction, number][] = [
  ['DEVELOPER', 1050], ['ARCHITECT', 520], ['DEVOPS_SRE_SYSADMIN', 480], ['ENGINEERING_MANAGEMENT', 250], ['EXECUTIVE', 180],
  ['PRODUCT_MANAGEMENT', 150], ['SALES_MARKETING', 150], ['DATA_SCIENCE_ML', 110], ['SECURITY', 70], ['CONSULTANT', 60],
  ['STUDENT', 60], ['MEDIA_ANALYST', 50], ['ACADEMIC_RESEARCHER', 40], ['OTHER', 30],
];

/** Non-profit (3 people) stays under the privacy threshold and is merged into "other" in the report. */
const INDUSTRIES_2019: [Industry, number][] = [
  ['INFORMATION_TECHNOLOGY', 1900], ['TELECOMMUNICATIONS', 330], ['FINANCIALS', 300], ['MANUFACTURING', 150],
  ['PROFESSIONAL_SERVICES', 120], ['EDUCATION', 90], ['RETAIL_CONSUMER', 70], ['GOVERNMENT', 60], ['MEDIA_ENTERTAINMENT', 50],
  ['HEALTHCARE', 40], ['ENERGY_UTILITIES', 25], ['TRANSPORTATION', 12], ['NON_PROFIT', 3],
];

const GENDERS_2019: [Gender, number][] = [['MAN', 2380], ['WOMAN', 420], ['PREFER_NOT_TO_SAY', 94], ['NON_BINARY', 4], ['SELF_DESCRIBED', 2]];

/** Of the 3,500 confirmed registrations, this many consented to the self-described questions. */
const CONSENTING_2019 = 3300;
/** First-time answers: 1,950 yes of 3,250 = 60.0%; every "no" is someone who came in 2018. */
const FIRST_TIME_YES_2019 = 1950;
const RETURNING_2019 = 1300;

// ---------------------------------------------------------------------------------------------------------------
// Ticket types

export type TicketKey = 'allAccess' | 'vip' | 'individual' | 'academic' | 'speaker' | 'sponsor' | 'media' | 'livestream';

export interface TicketTypePlan {
  key: TicketKey;
  name: string;
  nameZh: string;
  category: 'CORPORATE' | 'INDIVIDUAL' | 'ACADEMIC' | 'SPEAKER' | 'SPONSOR' | 'MEDIA' | 'VIRTUAL';
  attendance: 'IN_PERSON' | 'VIRTUAL';
  /** Fen (CNY minor unit); paid tickets are confirmed when an organiser records the payment. */
  priceCents: number;
  /** Sold only with this voucher code (speakers, sponsors and media get theirs from the organisers). */
  voucher?: string;
}

const TICKETS: Record<TicketKey, Omit<TicketTypePlan, 'key' | 'priceCents' | 'voucher'>> = {
  allAccess: { name: 'All Access', nameZh: '全场通行票', category: 'CORPORATE', attendance: 'IN_PERSON' },
  vip: { name: 'All Access VIP', nameZh: '全场通行贵宾票', category: 'CORPORATE', attendance: 'IN_PERSON' },
  individual: { name: 'Individual', nameZh: '个人票', category: 'INDIVIDUAL', attendance: 'IN_PERSON' },
  academic: { name: 'Academic', nameZh: '学术票', category: 'ACADEMIC', attendance: 'IN_PERSON' },
  speaker: { name: 'Speaker', nameZh: '演讲者', category: 'SPEAKER', attendance: 'IN_PERSON' },
  sponsor: { name: 'Sponsor', nameZh: '赞助商', category: 'SPONSOR', attendance: 'IN_PERSON' },
  media: { name: 'Media', nameZh: '媒体', category: 'MEDIA', attendance: 'IN_PERSON' },
  livestream: { name: 'Keynote Livestream', nameZh: '主论坛直播', category: 'VIRTUAL', attendance: 'VIRTUAL' },
};

function ticketTypes(year: number, prices: Partial<Record<TicketKey, number>>, keys: TicketKey[]): TicketTypePlan[] {
  return keys.map((key) => ({
    key,
    ...TICKETS[key],
    priceCents: prices[key] ?? 0,
    ...(['speaker', 'sponsor', 'media'].includes(key) ? { voucher: `${key.toUpperCase()}-${year}` } : {}),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// People

export interface PersonPlan {
  email: string;
  name: string;
  locale: 'en' | 'zh-CN';
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静磊强军洋勇艳杰涛明超秀霞平刚英华慧建鑫宇浩晨欣怡涵博文轩琳雪峰凯丹颖婷健斌亮璐睿思远';
const FIRST_NAMES = ['Alex', 'Sam', 'Maria', 'Jonas', 'Priya', 'Kenji', 'Sofia', 'Liam', 'Aiko', 'Noah', 'Elena', 'Rahul', 'Mina', 'Lucas', 'Hana', 'Oliver', 'Chloe', 'Daniel', 'Yuki', 'Emma', 'Arjun', 'Sara', 'Felix', 'Nora', 'Ivan', 'Lea', 'Omar', 'Ana', 'Tom', 'Ines'];
const LAST_NAMES = ['Smith', 'Tanaka', 'Müller', 'Garcia', 'Kim', 'Sharma', 'Rossi', 'Dubois', 'Novak', 'Silva', 'Cohen', 'Jensen', 'Kowalski', 'Nguyen', 'Sato', 'Brown', 'Schmidt', 'Lopez', 'Park', 'Iyer', 'Martin', 'Weber', 'Fischer', 'Ivanov', 'Costa', 'Lee', 'Wilson', 'Moreau', 'Berg', 'Santos'];

function personName(rnd: () => number, chinese: boolean): string {
  if (chinese) {
    const given = pick([...GIVEN], rnd) + (rnd() < 0.6 ? pick([...GIVEN], rnd) : '');
    return pick([...SURNAMES], rnd) + given;
  }
  return `${pick(FIRST_NAMES, rnd)} ${pick(LAST_NAMES, rnd)}`;
}

export function people(prefix: string, count: number, rnd: () => number, chineseShare: number): PersonPlan[] {
  return Array.from({ length: count }, (_, i) => {
    const chinese = rnd() < chineseShare;
    return {
      email: `${prefix}-${String(i + 1).padStart(4, '0')}@${DEMO_EMAIL_DOMAIN}`,
      name: personName(rnd, chinese),
      locale: chinese ? 'zh-CN' : 'en',
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Registrations

export interface SelfDescribedPlan {
  country?: string | null;
  companySize?: CompanySize | null;
  jobFunction?: JobFunction | null;
  industry?: Industry | null;
  firstTimeAttendee?: boolean | null;
  gender?: Gender | null;
}

export type RegistrationFate = 'confirmed' | 'pending' | 'cancelled';

export interface RegistrationPlan {
  person: PersonPlan;
  ticket: TicketKey;
  fate: RegistrationFate;
  consent: boolean;
  answers: SelfDescribedPlan;
  registeredAt: Date;
  /** Paid tickets: when the organisers recorded the payment. */
  paidAt: Date | null;
  /** In-person attendees scanned at the entrance. */
  checkedInAt: Date | null;
}

const DAY = 86_400_000;

/** A moment in [from, to), skewed towards the start (early-bird prices sell best). */
function moment(from: string, to: string, rnd: () => number, skew = 1.6): Date {
  const start = Date.parse(from);
  const span = Date.parse(to) - start;
  return new Date(start + Math.floor(span * (1 - (1 - rnd()) ** (1 / skew)) / 1000) * 1000);
}

// ---------------------------------------------------------------------------------------------------------------
// CFP

export interface TrackPlan {
  slug: string;
  name: string;
  nameZh: string;
  position: number;
}

const TRACKS: TrackPlan[] = [
  ['application-development', 'Application + Development', '应用与开发'],
  ['ci-cd', 'CI/CD', '持续集成与持续交付'],
  ['customizing-extending', 'Customizing + Extending Kubernetes', '定制与扩展 Kubernetes'],
  ['machine-learning', 'Machine Learning + Data', '机器学习与数据'],
  ['networking', 'Networking', '网络'],
  ['observability', 'Observability', '可观测性'],
  ['performance', 'Performance', '性能'],
  ['runtime', 'Runtime', '运行时'],
  ['security', 'Security + Identity + Policy', '安全、身份与策略'],
  ['serverless', 'Serverless', '无服务器'],
  ['service-mesh', 'Service Mesh', '服务网格'],
  ['storage', 'Storage', '存储'],
  ['case-studies', 'Case Studies', '案例研究'],
].map(([slug, name, nameZh], i) => ({ slug, name, nameZh, position: (i + 1) * 10 }));

const TRACK_WEIGHTS = [9, 6, 8, 7, 7, 7, 4, 6, 7, 6, 8, 6, 9];

export type SubmissionFate = 'draft' | 'withdrawn' | 'rejected' | 'waitlisted' | 'accepted' | 'confirmed' | 'declined';

export interface SpeakerPlan extends PersonPlan {
  company: string;
  jobTitle: string;
  country: string;
  firstTimeSpeaker: boolean;
  bio: string;
}

export interface SubmissionPlan {
  title: string;
  abstract: string;
  format: 'breakout' | 'lightning-talk';
  track: string;
  level: 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED';
  language: 'en' | 'zh-CN';
  owner: SpeakerPlan;
  coSpeaker: SpeakerPlan | null;
  fate: SubmissionFate;
  createdAt: Date;
  submittedAt: Date;
  /** Withdrawn proposals: when; confirmed or declined ones: when the speakers answered. */
  answeredAt: Date;
}

export interface InvitedSessionPlan {
  title: string;
  abstract: string;
  format: 'keynote' | 'maintainer-track' | 'breakout';
  track: string | null;
  language: 'en' | 'zh-CN';
  speakers: SpeakerPlan[];
  confirmed: boolean;
}

const TITLE_EN = {
  lead: ['Lessons Learned Running', 'Deep Dive into', 'Building', 'Securing', 'Debugging', 'Scaling', 'Observing', 'Automating', 'Migrating to', 'Operating'],
  subject: ['Multi-Cluster Kubernetes', 'Service Mesh Traffic', 'Stateful Workloads', 'Edge Clusters', 'Serverless Functions', 'GPU Scheduling', 'Container Runtimes', 'Cloud Native Storage', 'eBPF Networking', 'GitOps Pipelines', 'Prometheus', 'Helm Charts', 'Custom Controllers', 'Ingress Gateways', 'etcd'],
  tail: ['in Production', 'for Financial Services', 'at Telecom Scale', 'Without Downtime', 'on Bare Metal', 'for 10,000 Nodes', 'the Hard Way', 'with Open Source Tools', 'Across Regions', 'at a Retail Giant'],
};
const TITLE_ZH = {
  lead: ['生产环境中的', '深入解析', '构建', '保护', '调试', '扩展', '观测', '自动化', '迁移到', '运维'],
  subject: ['多集群 Kubernetes', '服务网格流量', '有状态应用', '边缘集群', '无服务器函数', 'GPU 调度', '容器运行时', '云原生存储', 'eBPF 网络', 'GitOps 流水线', 'Prometheus', 'Helm Chart', '自定义控制器', '入口网关', 'etcd'],
  tail: ['实践', '：金融行业经验', '：电信级规模', '：零停机', '：裸金属之上', '：万节点规模', '：从零开始', '：开源工具链', '：跨地域部署', '：零售行业案例'],
};

function titles(language: 'en' | 'zh-CN', rnd: () => number): string[] {
  const parts = language === 'en' ? TITLE_EN : TITLE_ZH;
  const all = parts.lead.flatMap((lead) =>
    parts.subject.flatMap((subject) =>
      parts.tail.map((tail) => (language === 'en' ? `${lead} ${subject} ${tail}` : `${lead}${subject}${tail}`)),
    ),
  );
  return shuffle(all, rnd);
}

const abstractOf = (title: string, language: 'en' | 'zh-CN') =>
  language === 'en'
    ? `${title}: what we built, what broke, and what we would do differently. A practical session with a live demo and the configuration we run today.`
    : `${title}。本议题分享我们的架构、踩过的坑以及改进方向，并现场演示目前在生产环境中使用的配置。`;

const COMPANIES = ['Yangtze Cloud', 'Pudong Systems', 'Jade Networks', 'Lotus Data', 'Crane Software', 'Panda Compute', 'Harbor Labs', 'Granite Digital', 'Bamboo Tech', 'Phoenix Infra', 'Orchid Finance', 'Lantern Telecom', 'Kite Retail', 'Summit Bank', 'Qilin AI'];
const JOB_TITLES = ['Software Engineer', 'Senior Engineer', 'Principal Engineer', 'Architect', 'SRE', 'Engineering Manager', 'Maintainer', 'CTO', 'Developer Advocate', 'Researcher'];

function speakers(prefix: string, count: number, rnd: () => number, firstTimeShare: number): SpeakerPlan[] {
  return people(prefix, count, rnd, 0.75).map((person) => {
    const company = pick(COMPANIES, rnd);
    const jobTitle = pick(JOB_TITLES, rnd);
    return {
      ...person,
      company,
      jobTitle,
      country: person.locale === 'zh-CN' ? 'CN' : pick(['US', 'JP', 'DE', 'SG', 'GB', 'IN', 'FR', 'KR'], rnd),
      firstTimeSpeaker: rnd() < firstTimeShare,
      bio: person.locale === 'zh-CN' ? `${person.name}，${company}${jobTitle}，关注云原生技术。` : `${person.name} is a ${jobTitle} at ${company}, working on cloud native infrastructure.`,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Partners, media, co-located events

export interface SponsorPlan {
  name: string;
  tier: SponsorTier;
}

const SPONSOR_WORDS = ['Yangtze', 'Huangpu', 'Pudong', 'Jade', 'Lotus', 'Crane', 'Panda', 'Summit', 'Harbor', 'Granite', 'Silk Road', 'Bamboo', 'Phoenix', 'Qilin', 'Orchid', 'Lantern', 'Kite', 'Pagoda', 'Dragonfly', 'Cloudgate', 'Tidewater', 'Redwood'];
const SPONSOR_KINDS = ['Cloud', 'Systems', 'Networks', 'Data', 'Labs', 'Software', 'Technologies', 'Compute'];

function sponsorNames(count: number, rnd: () => number): string[] {
  return shuffle(SPONSOR_WORDS.flatMap((word) => SPONSOR_KINDS.map((kind) => `${word} ${kind}`)), rnd).slice(0, count);
}

function sponsors(tiers: [SponsorTier, number][], rnd: () => number): SponsorPlan[] {
  const names = sponsorNames(sumOf(tiers), rnd);
  return tiers.flatMap(([tier, n]) => names.splice(0, n).map((name) => ({ name, tier })));
}

const COMMUNITY_PARTNERS = [
  'Shanghai Kubernetes Meetup',
  'Beijing Cloud Native Meetup',
  'Shenzhen Go User Group',
  'Hangzhou DevOps Community',
  'Chengdu Open Source Club',
  'Women in Cloud Native China',
  'Guangzhou Container Meetup',
  'Campus Open Source Network',
  'Wuhan Service Mesh Study Group',
];

export interface MediaPlan {
  person: PersonPlan;
  outlet: string;
  kind: MediaKind;
  /** ISO 639 code of the accreditation's working language. */
  language: 'en' | 'zh';
}

const OUTLETS_ZH = ['云原生周刊', '开源技术报', '软件开发者杂志', '数字基础设施评论', '上海科技日报', '容器技术社区', '企业 IT 观察', '开发者头条'];
const OUTLETS_EN = ['Cloud Native Weekly', 'Open Infrastructure Review', 'The Container Report', 'DevOps Digest', 'Stack Insider'];
const ANALYST_FIRMS_ZH = ['远见咨询', '数智研究院'];
const ANALYST_FIRMS_EN = ['Meridian Research', 'Northgate Analysts'];

export interface ColocatedPlan {
  slug: string;
  name: string;
  nameZh: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  attendees: { person: PersonPlan; registeredAt: Date }[];
}

const COLOCATED: [string, string, string, number, number][] = [
  ['contributor-summit', 'Kubernetes Contributor Summit', 'Kubernetes 贡献者峰会', 23, 160],
  ['storage-day', 'Cloud Native Storage Day', '云原生存储日', 23, 140],
  ['service-mesh-day', 'Service Mesh Day', '服务网格日', 23, 120],
  ['serverless-summit', 'Serverless Practitioners Summit', '无服务器实践者峰会', 23, 110],
  ['observability-day', 'Observability Day', '可观测性日', 23, 95],
  ['security-day', 'Cloud Native Security Day', '云原生安全日', 23, 80],
  ['edge-workshop', 'Edge Computing Workshop', '边缘计算工作坊', 24, 70],
  ['leadership-forum', 'Open Source Leadership Forum', '开源领导力论坛', 24, 60],
  ['helm-workshop', 'Helm Chart Workshop', 'Helm Chart 工作坊', 25, 55],
  ['runtime-summit', 'Container Runtime Summit', '容器运行时峰会', 25, 50],
  ['networking-day', 'Cloud Native Networking Day', '云原生网络日', 25, 45],
  ['ml-day', 'Machine Learning on Kubernetes Day', 'Kubernetes 机器学习日', 26, 40],
  ['diversity-lunch', 'Diversity Lunch', '多元化午餐会', 25, 35],
  ['cicd-summit', 'CI/CD Summit', '持续集成与交付峰会', 26, 30],
];

export interface OrganiserFactPlan {
  kind: 'NOTE';
  label: string;
  labelZh: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The plan

export interface EditionPlan {
  slug: string;
  ticketTypes: TicketTypePlan[];
  ticketSales: { from: string; to: string };
  registrations: RegistrationPlan[];
  sponsors: SponsorPlan[];
}

export interface DemoPlan {
  edition2018: EditionPlan;
  edition2019: EditionPlan & {
    cfp: { opensAt: string; closesAt: string; maxSubmissionsPerSpeaker: number; decidedAt: Date; releasedAt: Date };
    tracks: TrackPlan[];
    submissions: SubmissionPlan[];
    invited: InvitedSessionPlan[];
    invitedAt: Date;
    communityPartners: string[];
    media: MediaPlan[];
    colocated: ColocatedPlan[];
    facts: OrganiserFactPlan[];
  };
  /** Everyone who needs an account. */
  users: PersonPlan[];
  /** Everyone who needs a speaker profile. */
  speakers: SpeakerPlan[];
}

/**
 * How the 2019 CFP ends. CFP submissions: 811 + 117 + 9 withdrawn = 937; accepted (including the 4 who declined
 * afterwards): 179 + 8 = 187, i.e. 20.0%. Sessions held: 179 - 4 + 2 invited = 177 breakouts and 8 lightning talks;
 * keynotes (29) and maintainer track sessions (38) are all invited (INVITED_2019).
 */
const CFP_2019 = {
  /** Submitted and not withdrawn, by format. */
  breakout: { submitted: 811, accepted: 179, waitlisted: 15, declined: 4, unconfirmed: 12 },
  lightning: { submitted: 117, accepted: 8, waitlisted: 0, declined: 0, unconfirmed: 1 },
  /** Proposals withdrawn by their speakers before the CFP closed: submitted, so they count as CFP submissions. */
  withdrawn: 9,
  /** Proposals never submitted: drafts count nowhere. */
  drafts: 14,
  /** Speakers with two and with three proposals; everyone else who proposed has one. */
  owners: { two: 130, three: 20 },
  coSpeakers: 170,
};

/** Invited sessions: keynotes (including sponsored ones), maintainer track, and two sponsored breakouts. */
const INVITED_2019 = { keynote: { sessions: 29, pairs: 7 }, maintainer: { sessions: 38, pairs: 20 }, breakout: { sessions: 2, pairs: 0 } };

const SEED = 20190624;

export function planDemo(): DemoPlan {
  const rnd = random(SEED);

  // 2018: the first edition in China; everyone who answered was there for the first time.
  const attendees2018 = people('attendee2018', 2500, rnd, 0.88);
  const tickets2018 = ticketTypes(2018, { allAccess: 240_000, individual: 120_000, academic: 30_000 }, [
    'allAccess',
    'individual',
    'academic',
    'speaker',
    'sponsor',
    'media',
  ]);
  const mix2018 = exactly<TicketKey>(
    [['allAccess', 1500], ['sponsor', 450], ['individual', 200], ['speaker', 200], ['academic', 100], ['media', 50]],
    rnd,
  );
  const countries2018 = exactly<string>([['CN', 2024], ['JP', 45], ['US', 40], ['SG', 35], ['IN', 30], ['DE', 25], ['HK', 25], ['KR', 20], ['GB', 20], ['TW', 18], ['AU', 10], ['FR', 8]], rnd);
  const registrations2018: RegistrationPlan[] = attendees2018.map((person, i) => {
    const consent = i % 25 !== 0;
    const registeredAt = moment('2018-07-02T00:00:00Z', '2018-11-12T00:00:00Z', rnd);
    const ticket = mix2018[i];
    const paid = tickets2018.find((t) => t.key === ticket)!.priceCents > 0;
    return {
      person,
      ticket,
      fate: 'confirmed',
      consent,
      answers: consent ? { country: countries2018[i % countries2018.length], firstTimeAttendee: true } : {},
      registeredAt,
      paidAt: paid ? new Date(registeredAt.getTime() + 2 * DAY) : null,
      checkedInAt: null,
    };
  });

  // 2019 CFP: owners with one to three proposals each, some with a co-speaker.
  const { owners: ownerCounts } = CFP_2019;
  const proposals = CFP_2019.breakout.submitted + CFP_2019.lightning.submitted + CFP_2019.withdrawn + CFP_2019.drafts;
  const single = proposals - 2 * ownerCounts.two - 3 * ownerCounts.three;
  const owners = speakers('speaker2019', single + ownerCounts.two + ownerCounts.three, rnd, 0.55);
  const ownerSlots = shuffle(
    owners.flatMap((owner, i) => Array.from({ length: i < single ? 1 : i < single + ownerCounts.two ? 2 : 3 }, () => owner)),
    rnd,
  );
  const coSpeakers = speakers('cospeaker2019', CFP_2019.coSpeakers, rnd, 0.5);
  type Shape = { format: SubmissionPlan['format']; fate: SubmissionFate };
  const shapes = (format: SubmissionPlan['format'], c: (typeof CFP_2019)['breakout']): Shape[] => [
    ...Array.from({ length: c.declined }, () => ({ format, fate: 'declined' as const })),
    ...Array.from({ length: c.unconfirmed }, () => ({ format, fate: 'accepted' as const })),
    ...Array.from({ length: c.accepted - c.declined - c.unconfirmed }, () => ({ format, fate: 'confirmed' as const })),
    ...Array.from({ length: c.waitlisted }, () => ({ format, fate: 'waitlisted' as const })),
    ...Array.from({ length: c.submitted - c.accepted - c.waitlisted }, () => ({ format, fate: 'rejected' as const })),
  ];
  const allShapes = shuffle(
    [
      ...shapes('breakout', CFP_2019.breakout),
      ...shapes('lightning-talk', CFP_2019.lightning),
      ...Array.from({ length: CFP_2019.withdrawn }, () => ({ format: 'breakout' as const, fate: 'withdrawn' as const })),
      ...Array.from({ length: CFP_2019.drafts }, () => ({ format: 'breakout' as const, fate: 'draft' as const })),
    ],
    rnd,
  );
  if (allShapes.length !== ownerSlots.length) throw new Error(`demo plan: ${allShapes.length} proposals for ${ownerSlots.length} owner slots`);
  const titlesEn = titles('en', rnd);
  const titlesZh = titles('zh-CN', rnd);
  const trackBag = TRACKS.flatMap((t, i) => Array.from({ length: TRACK_WEIGHTS[i] }, () => t.slug));
  const coSpeakerQueue = [...coSpeakers];
  const submissions: SubmissionPlan[] = allShapes.map((shape, i) => {
    const language = rnd() < 0.45 ? 'zh-CN' : 'en';
    const title = (language === 'en' ? titlesEn : titlesZh).pop()!;
    const createdAt = moment('2019-01-07T02:00:00Z', '2019-02-21T12:00:00Z', rnd, 0.7);
    const submittedAt = new Date(createdAt.getTime() + Math.floor(rnd() * 20) * 3_600_000 + 600_000);
    const coSpeaker = shape.format === 'breakout' && coSpeakerQueue.length > 0 && rnd() < 0.2 ? coSpeakerQueue.shift()! : null;
    const answeredAt =
      shape.fate === 'withdrawn'
        ? new Date(submittedAt.getTime() + DAY)
        : new Date(Date.parse('2019-04-03T02:00:00Z') + Math.floor(rnd() * 16 * 24) * 3_600_000);
    return {
      title,
      abstract: abstractOf(title, language),
      format: shape.format,
      track: pick(trackBag, rnd),
      level: pick(['BEGINNER', 'INTERMEDIATE', 'INTERMEDIATE', 'ADVANCED'] as const, rnd),
      language,
      owner: ownerSlots[i],
      coSpeaker,
      fate: shape.fate,
      createdAt,
      submittedAt,
      answeredAt,
    };
  });
  const usedCoSpeakers = coSpeakers.slice(0, CFP_2019.coSpeakers - coSpeakerQueue.length);

  // Invited sessions.
  const invitedTitles = titles('en', random(SEED + 1));
  const invited: InvitedSessionPlan[] = [];
  const invitedSpeakers: SpeakerPlan[] = [];
  for (const [format, spec, prefix] of [
    ['keynote', INVITED_2019.keynote, 'keynote2019'],
    ['maintainer-track', INVITED_2019.maintainer, 'maintainer2019'],
    ['breakout', INVITED_2019.breakout, 'sponsored2019'],
  ] as const) {
    const group = speakers(prefix, spec.sessions + spec.pairs, rnd, format === 'keynote' ? 0.2 : 0.4);
    invitedSpeakers.push(...group);
    for (let s = 0; s < spec.sessions; s += 1) {
      const sessionSpeakers = s < spec.pairs ? [group[s * 2], group[s * 2 + 1]] : [group[spec.pairs + s]];
      const language = format === 'keynote' && rnd() < 0.5 ? 'zh-CN' : 'en';
      const title = language === 'en' ? invitedTitles.pop()! : titlesZh.pop()!;
      invited.push({
        title,
        abstract: abstractOf(title, language),
        format,
        track: format === 'keynote' ? null : pick(trackBag, rnd),
        language,
        speakers: sessionSpeakers,
        confirmed: s !== 3,
      });
    }
  }

  // Who speaks at the 2019 edition: everyone on an accepted or confirmed session.
  const onStage = new Map<string, SpeakerPlan>();
  for (const s of submissions) {
    if (s.fate !== 'accepted' && s.fate !== 'confirmed') continue;
    for (const speaker of [s.owner, s.coSpeaker]) if (speaker) onStage.set(speaker.email, speaker);
  }
  for (const session of invited) for (const speaker of session.speakers) onStage.set(speaker.email, speaker);
  const stageSpeakers = [...onStage.values()];

  // Media and analysts: 41 working in Chinese, 13 in English.
  const mediaPeople = people('media2019', 54, rnd, 0);
  const media: MediaPlan[] = mediaPeople.map((person, i) => {
    const english = i < 13;
    const analyst = english ? i < 4 : i < 13 + 6;
    const chinesePerson = english ? person : { ...person, name: personName(rnd, true), locale: 'zh-CN' as const };
    return {
      person: chinesePerson,
      outlet: analyst ? pick(english ? ANALYST_FIRMS_EN : ANALYST_FIRMS_ZH, rnd) : pick(english ? OUTLETS_EN : OUTLETS_ZH, rnd),
      kind: analyst ? 'ANALYST' : 'MEDIA',
      language: english ? 'en' : 'zh',
    };
  });

  // 2019 registrations: every speaker and journalist, sponsors' staff, and attendees; 1,300 of them came in 2018,
  // and 300 are speakers whose proposals were not accepted.
  const tickets2019 = ticketTypes(
    2019,
    { allAccess: 270_000, vip: 550_000, individual: 130_000, academic: 30_000 },
    ['allAccess', 'vip', 'individual', 'academic', 'speaker', 'sponsor', 'media', 'livestream'],
  );
  const otherSlots: TicketKey[] = shuffle(
    [
      ...Array.from({ length: 770 }, () => 'sponsor' as const),
      ...Array.from({ length: 175 }, () => 'vip' as const),
      ...Array.from({ length: 200 }, () => 'individual' as const),
      ...Array.from({ length: 80 }, () => 'academic' as const),
      ...Array.from({ length: 164 }, () => 'livestream' as const),
      ...Array.from({ length: PUBLISHED_FIGURES.registrations - stageSpeakers.length - media.length - 770 - 175 - 200 - 80 - 164 }, () => 'allAccess' as const),
    ],
    rnd,
  );
  const returning = shuffle(attendees2018, rnd).slice(0, RETURNING_2019);
  const notOnStage = shuffle(
    owners.filter((o) => !onStage.has(o.email)),
    rnd,
  ).slice(0, 300);
  const newcomers = people('attendee2019', otherSlots.length - returning.length - notOnStage.length + 55, rnd, 0.85);
  const attendees = shuffle<{ person: PersonPlan; returning: boolean }>(
    [
      ...returning.map((person) => ({ person, returning: true })),
      ...notOnStage.map((person) => ({ person: person, returning: false })),
      ...newcomers.slice(0, otherSlots.length - returning.length - notOnStage.length).map((person) => ({ person, returning: false })),
    ],
    rnd,
  );
  const confirmed2019: { person: PersonPlan; ticket: TicketKey; returning: boolean }[] = [
    ...stageSpeakers.map((person) => ({ person: person, ticket: 'speaker' as const, returning: false })),
    ...media.map((m) => ({ person: m.person, ticket: 'media' as const, returning: false })),
    ...attendees.map((a, i) => ({ ...a, ticket: otherSlots[i] })),
  ];

  // The answers: exact counts over the people who consented.
  const newcomerIndexes = shuffle(
    confirmed2019.map((c, i) => (c.returning ? -1 : i)).filter((i) => i >= 0),
    rnd,
  );
  const silent = new Set(newcomerIndexes.slice(0, confirmed2019.length - CONSENTING_2019));
  const consenting = confirmed2019.map((_, i) => i).filter((i) => !silent.has(i));
  const skipFirstTime = new Set(
    newcomerIndexes.slice(confirmed2019.length - CONSENTING_2019, confirmed2019.length - CONSENTING_2019 + (CONSENTING_2019 - RETURNING_2019 - FIRST_TIME_YES_2019)),
  );
  const pad = <T>(values: T[]) => [...values, ...Array.from({ length: CONSENTING_2019 - values.length }, () => null)];
  const country = pad(exactly(COUNTRIES_2019, rnd));
  const companySize = shuffle(pad(exactly(COMPANY_SIZES_2019, rnd)), rnd);
  const jobFunction = shuffle(pad(exactly(JOB_FUNCTIONS_2019, rnd)), rnd);
  const industry = shuffle(pad(exactly(INDUSTRIES_2019, rnd)), rnd);
  const gender = shuffle(pad(exactly(GENDERS_2019, rnd)), rnd);
  const answers = new Map<number, SelfDescribedPlan>(
    consenting.map((index, k) => [
      index,
      {
        country: country[k],
        companySize: companySize[k],
        jobFunction: jobFunction[k],
        industry: industry[k],
        gender: gender[k],
        firstTimeAttendee: confirmed2019[index].returning ? false : skipFirstTime.has(index) ? null : true,
      },
    ]),
  );

  const priceOf = (ticket: TicketKey) => tickets2019.find((t) => t.key === ticket)!.priceCents;
  const checkInDays = ['2019-06-24T00:30:00Z', '2019-06-25T00:30:00Z', '2019-06-26T00:30:00Z'];
  const registrations2019: RegistrationPlan[] = confirmed2019.map((c, i) => {
    const speakerOrMedia = c.ticket === 'speaker' || c.ticket === 'media';
    const registeredAt = speakerOrMedia
      ? moment('2019-04-08T02:00:00Z', '2019-06-20T00:00:00Z', rnd)
      : moment('2019-02-01T02:00:00Z', '2019-06-23T00:00:00Z', rnd);
    const inPerson = c.ticket !== 'livestream';
    return {
      person: c.person,
      ticket: c.ticket,
      fate: 'confirmed',
      consent: answers.has(i),
      answers: answers.get(i) ?? {},
      registeredAt,
      // paid within a few days, and before the doors open
      paidAt: priceOf(c.ticket) > 0 ? new Date(Math.min(registeredAt.getTime() + Math.floor(1 + rnd() * 5) * DAY, Date.parse('2019-06-23T12:00:00Z'))) : null,
      checkedInAt: inPerson && rnd() < 0.92 ? new Date(Date.parse(pick(checkInDays, rnd)) + Math.floor(rnd() * 5400) * 1000) : null,
    };
  });
  // Registrations that do not count: 15 never paid, 40 cancelled.
  for (const [k, person] of newcomers.slice(newcomers.length - 55).entries()) {
    const ticket: TicketKey = k % 3 === 0 ? 'individual' : 'allAccess';
    const registeredAt = moment('2019-03-01T02:00:00Z', '2019-06-15T00:00:00Z', rnd);
    registrations2019.push({
      person,
      ticket,
      fate: k < 15 ? 'pending' : 'cancelled',
      consent: false,
      answers: {},
      registeredAt,
      paidAt: null,
      checkedInAt: null,
    });
  }

  // Co-located events: a free pass each, taken by people who also came to the main event.
  const inPerson = confirmed2019.filter((c) => c.ticket !== 'livestream').map((c) => c.person);
  const colocated: ColocatedPlan[] = COLOCATED.map(([slug, name, nameZh, day, registrations]) => ({
    slug: `kcc2019-${slug}`,
    name,
    nameZh,
    startsAt: `2019-06-${day - 1}T23:30:00Z`,
    endsAt: `2019-06-${day}T09:30:00Z`,
    capacity: registrations + 40,
    attendees: shuffle(inPerson, rnd)
      .slice(0, registrations)
      .map((person) => ({ person, registeredAt: moment('2019-04-15T02:00:00Z', '2019-06-20T00:00:00Z', rnd) })),
  }));

  const answered = (counts: [unknown, number][]) => sumOf(counts) <= CONSENTING_2019;
  if (
    COUNTRIES_2019.length !== PUBLISHED_FIGURES.countries ||
    sumOf(COUNTRIES_2019) !== CONSENTING_2019 ||
    ![COMPANY_SIZES_2019, JOB_FUNCTIONS_2019, INDUSTRIES_2019, GENDERS_2019].every(answered) ||
    registrations2019.filter((r) => r.fate === 'confirmed').length !== PUBLISHED_FIGURES.registrations
  ) {
    throw new Error('demo plan: the answers do not add up to the published figures');
  }

  const users = new Map<string, PersonPlan>();
  for (const person of [...attendees2018, ...owners, ...usedCoSpeakers, ...invitedSpeakers, ...media.map((m) => m.person), ...newcomers]) {
    users.set(person.email, { email: person.email, name: person.name, locale: person.locale });
  }

  return {
    edition2018: {
      slug: EDITIONS[0].slug,
      ticketTypes: tickets2018,
      ticketSales: { from: '2018-07-01T00:00:00Z', to: '2018-11-15T10:00:00Z' },
      registrations: registrations2018,
      sponsors: sponsors([['DIAMOND', 2], ['PLATINUM', 4], ['GOLD', 10], ['SILVER', 12], ['START_UP', 10]], random(SEED + 2018)),
    },
    edition2019: {
      slug: EDITIONS[1].slug,
      ticketTypes: tickets2019,
      ticketSales: { from: '2019-02-01T00:00:00Z', to: '2019-06-26T10:00:00Z' },
      registrations: registrations2019,
      sponsors: sponsors(
        [['STRATEGIC', 1], ['DOUBLE_DIAMOND', 1], ['DIAMOND', 2], ['PLATINUM', 2], ['GOLD', 10], ['SILVER', 14], ['START_UP', 12]],
        random(SEED + 2019),
      ),
      cfp: {
        opensAt: '2019-01-07T00:00:00',
        closesAt: '2019-02-22T23:59:59',
        maxSubmissionsPerSpeaker: 3,
        decidedAt: new Date('2019-04-01T02:00:00Z'),
        releasedAt: new Date('2019-04-02T02:00:00Z'),
      },
      tracks: TRACKS,
      submissions,
      invited,
      invitedAt: new Date('2019-04-10T02:00:00Z'),
      communityPartners: COMMUNITY_PARTNERS,
      media,
      colocated,
      facts: [
        {
          kind: 'NOTE',
          label: 'Demo data: the people, talks, companies and sponsors in this edition are invented; its headline figures are the ones published for the event.',
          labelZh: '演示数据：本届活动中的人员、议题、公司与赞助商均为虚构；头条数据与该活动公开发布的数据一致。',
        },
      ],
    },
    users: [...users.values()],
    speakers: [...owners, ...usedCoSpeakers, ...invitedSpeakers],
  };
}
