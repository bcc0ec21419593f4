import { ReportInput } from '@reports/build-report';
import { EditionChangeRow } from '@reports/report.model';

/**
 * A small hand-checked edition for the report's unit tests. The expected figures in reports/*.test.ts were worked
 * out by hand from these counts (see the comments there), not by running the code.
 */
export function smallEdition(): ReportInput {
  return {
    generatedAt: '2019-07-15T08:00:00.000Z',
    languages: ['en', 'zh-CN'],
    event: {
      slug: 'kubecon-china-2019',
      name: { en: 'KubeCon + CloudNativeCon + Open Source Summit China 2019', 'zh-CN': 'KubeCon + CloudNativeCon + 开源峰会中国 2019' },
      seriesName: { en: 'KubeCon + CloudNativeCon China', 'zh-CN': 'KubeCon + CloudNativeCon 中国' },
      city: { en: 'Shanghai', 'zh-CN': '上海' },
      country: 'CN',
      venue: { en: 'Shanghai Expo Centre' },
      timezone: 'Asia/Shanghai',
      startsAt: '2019-06-24T01:00:00Z',
      endsAt: '2019-06-26T10:00:00Z',
      format: 'HYBRID',
    },
    registrations: { total: 200, inPerson: 180, virtual: 20, checkedIn: 153 },
    firstTime: { yes: 120, respondents: 190 },
    countries: {
      groups: [
        { key: 'CN', count: 150 },
        { key: 'US', count: 20 },
        { key: 'JP', count: 12 },
        { key: 'DE', count: 6 },
        { key: 'IN', count: 3 },
        { key: 'FR', count: 2 },
        { key: 'BR', count: 1 },
      ],
      notAnswered: 6,
    },
    companySize: {
      groups: [
        { key: 'SIZE_1_9', count: 10 },
        { key: 'SIZE_50_249', count: 30 },
        { key: 'SIZE_1000_2999', count: 50 },
        { key: 'SIZE_3000_PLUS', count: 90 },
      ],
      notAnswered: 20,
    },
    jobFunction: {
      groups: [
        { key: 'DEVELOPER', count: 80 },
        { key: 'ARCHITECT', count: 40 },
        { key: 'DEVOPS_SRE_SYSADMIN', count: 30 },
        { key: 'STUDENT', count: 4 },
        { key: 'EXECUTIVE', count: 4 },
      ],
      notAnswered: 42,
    },
    industry: {
      groups: [
        { key: 'INFORMATION_TECHNOLOGY', count: 150 },
        { key: 'FINANCIALS', count: 20 },
        { key: 'TELECOMMUNICATIONS', count: 10 },
      ],
      notAnswered: 20,
    },
    gender: {
      groups: [
        { key: 'MAN', count: 100 },
        { key: 'WOMAN', count: 40 },
        { key: 'PREFER_NOT_TO_SAY', count: 6 },
        { key: 'NON_BINARY', count: 3 },
      ],
      notAnswered: 51,
    },
    ticketTypes: [
      { key: 'CORPORATE', count: 100, name: { en: 'All access', 'zh-CN': '全场通行票' } },
      { key: 'SPONSOR', count: 40 },
      { key: 'VIRTUAL', count: 20 },
      { key: 'SPEAKER', count: 18 },
      { key: 'MEDIA', count: 12 },
      { key: 'ACADEMIC', count: 10 },
    ],
    submissions: {
      held: true,
      total: 50,
      accepted: 10,
      byTrack: [
        { key: 'ai', name: { en: 'AI and machine learning', 'zh-CN': '人工智能与机器学习' }, submissions: 20, accepted: 4 },
        { key: 'cloud-native', name: { en: 'Cloud native', 'zh-CN': '云原生' }, submissions: 30, accepted: 6 },
      ],
      byFormat: [
        { key: 'BREAKOUT', submissions: 40, accepted: 7 },
        { key: 'LIGHTNING_TALK', submissions: 10, accepted: 3 },
      ],
    },
    sessionsByFormat: [
      { key: 'KEYNOTE', count: 3 },
      { key: 'BREAKOUT', count: 7 },
      { key: 'LIGHTNING_TALK', count: 3 },
      { key: 'MAINTAINER_TRACK', count: 2 },
    ],
    speakers: { total: 18, firstTime: 7 },
    scholarshipProgrammes: [
      { key: 'diversity', name: { en: 'Diversity scholarship', 'zh-CN': '多样性奖学金' }, kind: 'DIVERSITY', currency: 'USD', applications: 30, awards: 12, fundsGrantedMinor: 1_200_000 },
      { key: 'need', name: { en: 'Need-based scholarship', 'zh-CN': '按需奖学金' }, kind: 'NEED_BASED', currency: 'USD', applications: 8, awards: 3, fundsGrantedMinor: 150_000 },
      { key: 'student', name: { en: 'Student scholarship', 'zh-CN': '学生奖学金' }, kind: 'STUDENT', currency: 'CNY', applications: 4, awards: 2, fundsGrantedMinor: 200_000 },
    ],
    sponsors: [
      { name: 'Huawei', tier: 'STRATEGIC' },
      { name: 'Google Cloud', tier: 'PLATINUM' },
      { name: 'Alibaba Cloud', tier: 'PLATINUM' },
      { name: '腾讯云', tier: 'GOLD' },
      { name: 'PingCAP', tier: 'SILVER' },
      { name: 'Rancher Labs', tier: 'START_UP' },
    ],
    communityPartners: [{ name: 'Kubernetes 中文社区' }, { name: 'CNCF Ambassadors' }, { name: 'OSChina' }],
    media: [
      { kind: 'MEDIA', language: 'zh', count: 7 },
      { kind: 'MEDIA', language: 'en', count: 4 },
      { kind: 'ANALYST', language: 'en', count: 2 },
      { kind: 'ANALYST', language: 'zh', count: 1 },
    ],
    colocatedEvents: [{ slug: 'istio-day-2019', name: { en: 'Istio Day', 'zh-CN': 'Istio 日' }, startsAt: '2019-06-23T01:00:00Z', registrations: 60 }],
    previousEditions: [
      {
        slug: 'kubecon-china-2018',
        name: { en: 'KubeCon + CloudNativeCon China 2018', 'zh-CN': 'KubeCon + CloudNativeCon 中国 2018' },
        startsAt: '2018-11-13T01:00:00Z',
        registrations: 160,
        cfpSubmissions: 40,
        sponsors: 5,
      },
    ],
    organiserFacts: [
      {
        kind: 'PRESS_CLIPPING',
        label: { en: 'KubeCon China draws a record crowd', 'zh-CN': 'KubeCon 中国参会人数创新高' },
        value: null,
        source: 'InfoQ',
        url: 'https://www.infoq.cn/article/kubecon-china-2019',
        publishedOn: '2019-06-27',
        language: 'zh',
        enteredAt: '2019-07-01T02:00:00Z',
      },
      {
        kind: 'FIGURE',
        label: { en: 'Pieces of media coverage', 'zh-CN': '条媒体报道' },
        value: 184,
        source: null,
        url: null,
        publishedOn: null,
        language: null,
        enteredAt: '2019-07-02T02:00:00Z',
      },
    ],
  };
}

/** The same edition as the first of its series, with too few gender answers to show any breakdown. */
export function firstEdition(): ReportInput {
  const input = smallEdition();
  return {
    ...input,
    previousEditions: [],
    gender: { groups: [{ key: 'WOMAN', count: 2 }, { key: 'MAN', count: 2 }], notAnswered: 196 },
    organiserFacts: [],
    colocatedEvents: [],
  };
}

/** An edition nobody has registered for or submitted to yet: every breakdown is empty. */
export function emptyEdition(): ReportInput {
  const input = firstEdition();
  const none = { groups: [], notAnswered: 0 };
  return {
    ...input,
    registrations: { total: 0, inPerson: 0, virtual: 0, checkedIn: null },
    firstTime: { yes: 0, respondents: 0 },
    countries: none,
    companySize: none,
    jobFunction: none,
    industry: none,
    gender: none,
    ticketTypes: [],
    submissions: { held: false, total: 0, accepted: 0, byTrack: [], byFormat: [] },
    sessionsByFormat: [],
    speakers: { total: 0, firstTime: 0 },
    scholarshipProgrammes: [],
    sponsors: [],
    communityPartners: [],
    media: [],
  };
}

/**
 * A later edition with eight earlier ones (some of whose figures Lectern does not have), long names, many countries,
 * the organisers' choices (an introduction, 15 countries before "Other", a figure with a unit) and no scholarship
 * programme: the held-back edition of the trends and layout tests.
 */
export function editionWithHistory(): ReportInput {
  const input = smallEdition();
  const year = (n: number) => `${n}-06-24T01:00:00Z`;
  const countries = ['CN', 'US', 'JP', 'DE', 'IN', 'FR', 'BR', 'KR', 'SG', 'GB', 'CA', 'AU', 'NL', 'SE', 'ES', 'IT', 'PL', 'ID', 'VN', 'TH'];
  const groups = countries.map((key, i) => ({ key, count: i === 0 ? 120 : Math.max(6, 40 - 2 * i) }));
  const answered = groups.reduce((a, g) => a + g.count, 0);
  const total = answered + 6;
  const inPerson = total - 20;
  const longTrack = (en: string, zh: string, submissions: number, accepted: number, i: number) => ({
    key: `track-${i}`,
    name: { en, 'zh-CN': zh },
    submissions,
    accepted,
  });
  const tracks = [
    longTrack('Observability, tracing, profiling and the operational excellence of very large fleets', '可观测性、追踪、性能剖析与超大规模集群的卓越运维', 30, 6, 1),
    longTrack('Security, identity, policy, supply-chain integrity and the compliance of regulated workloads', '安全、身份、策略、供应链完整性与受监管工作负载的合规', 28, 5, 2),
    longTrack('Networking, service mesh, edge computing and the Internet of Things at planetary scale', '网络、服务网格、边缘计算与全球规模的物联网', 26, 5, 3),
    longTrack('Storage, databases, data processing and machine learning platforms on Kubernetes', 'Kubernetes 上的存储、数据库、数据处理与机器学习平台', 24, 4, 4),
    longTrack('Application development, developer experience, continuous delivery and GitOps', '应用开发、开发者体验、持续交付与 GitOps', 22, 4, 5),
    longTrack('Runtimes, WebAssembly, serverless, virtual machines and sandboxed containers', '运行时、WebAssembly、无服务器、虚拟机与沙箱容器', 20, 3, 6),
    longTrack('Community, governance, diversity, mentoring and the business of open source', '社区、治理、多样性、导师计划与开源的商业', 18, 3, 7),
    longTrack('Case studies from telecommunications, finance, manufacturing and the public sector', '来自电信、金融、制造业与公共部门的案例研究', 16, 2, 8),
    longTrack('Maintainer deep dives into CNCF graduated and incubating projects', 'CNCF 毕业与孵化项目的维护者深度解析', 14, 2, 9),
    longTrack('Emerging and sandbox projects, research and experimental ideas', '新兴与沙箱项目、研究与实验性想法', 12, 2, 10),
  ];
  const cfpTotal = tracks.reduce((a, t) => a + t.submissions, 0);
  const cfpAccepted = tracks.reduce((a, t) => a + t.accepted, 0);
  const spread = (keys: string[]) => {
    const shares = keys.map((key, i) => ({ key, count: Math.floor(answered / keys.length) + (i === 0 ? answered % keys.length : 0) }));
    return { groups: shares, notAnswered: total - answered };
  };
  return {
    ...input,
    generatedAt: '2026-07-15T08:00:00.000Z',
    event: {
      ...input.event,
      slug: 'kubecon-china-2026',
      name: {
        en: 'KubeCon + CloudNativeCon + Open Source Summit + AI_dev: Open Source GenAI & ML Summit China 2026',
        'zh-CN': 'KubeCon + CloudNativeCon + 开源峰会 + AI_dev：开源生成式人工智能与机器学习峰会中国 2026',
      },
      venue: { en: 'Hong Kong Convention and Exhibition Centre', 'zh-CN': '香港会议展览中心' },
      startsAt: '2026-06-10T01:00:00Z',
      endsAt: '2026-06-12T10:00:00Z',
    },
    introduction: {
      en: 'Our tenth edition in China returned to three full days. We thank every speaker, volunteer and sponsor, and publish these figures so that the community can hold us to them.',
      'zh-CN': '我们在中国的第十届活动恢复为完整的三天。感谢每一位演讲者、志愿者和赞助商；我们公布这些数据，欢迎社区监督。',
    },
    topCountries: 15,
    registrations: { total, inPerson, virtual: 20, checkedIn: inPerson - 40 },
    firstTime: { yes: Math.round(total * 0.55), respondents: total - 10 },
    countries: { groups, notAnswered: 6 },
    companySize: spread(['SIZE_1_9', 'SIZE_50_249', 'SIZE_1000_2999', 'SIZE_3000_PLUS']),
    jobFunction: spread(['DEVELOPER', 'ARCHITECT', 'DEVOPS_SRE_SYSADMIN', 'EXECUTIVE', 'PRODUCT_MANAGEMENT', 'STUDENT']),
    industry: spread([
      'INFORMATION_TECHNOLOGY', 'FINANCIALS', 'TELECOMMUNICATIONS', 'PROFESSIONAL_SERVICES', 'MANUFACTURING', 'GOVERNMENT',
      'EDUCATION', 'HEALTHCARE', 'RETAIL_CONSUMER', 'MEDIA_ENTERTAINMENT', 'ENERGY_UTILITIES', 'TRANSPORTATION', 'NON_PROFIT', 'OTHER',
    ]),
    gender: spread(['MAN', 'WOMAN', 'NON_BINARY', 'PREFER_NOT_TO_SAY']),
    ticketTypes: [
      { key: 'CORPORATE', count: total - 20 - 60, name: { en: 'All-access corporate pass including co-located events', 'zh-CN': '含同场活动的企业全场通行票' } },
      { key: 'SPEAKER', count: 60 },
      { key: 'VIRTUAL', count: 20 },
    ],
    submissions: { held: true, total: cfpTotal, accepted: cfpAccepted, byTrack: tracks, byFormat: [{ key: 'BREAKOUT', submissions: cfpTotal, accepted: cfpAccepted }] },
    scholarshipProgrammes: [],
    previousEditions: [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((n, i) => ({
      slug: `kubecon-china-${n}`,
      name: { en: `KubeCon + CloudNativeCon + Open Source Summit China ${n}`, 'zh-CN': `KubeCon + CloudNativeCon + 开源峰会中国 ${n}` },
      startsAt: year(n),
      // 2020 and 2021 were not run in Lectern: their registrations and CFP are unknown, not zero
      registrations: n === 2020 || n === 2021 ? null : 1500 + 250 * i,
      firstTime: n === 2020 || n === 2021 ? null : { yes: 700 + 50 * i, respondents: 1400 + 200 * i },
      countries: n === 2020 || n === 2021 ? null : 20 + i,
      cfpSubmissions: n === 2020 ? null : 500 + 40 * i,
      cfpAccepted: n === 2020 ? null : 100 + 5 * i,
      sessions: n === 2020 ? null : 120 + 5 * i,
      sponsors: n < 2019 ? null : 20 + i,
      scholarshipsAwarded: n >= 2022 ? 10 + i : null,
    })),
    organiserFacts: [
      ...input.organiserFacts,
      {
        kind: 'FIGURE',
        label: { en: 'Livestream audience', 'zh-CN': '直播观看' },
        value: 12000,
        unit: { en: 'viewers', 'zh-CN': '人次' },
        source: 'Bilibili live statistics',
        url: null,
        publishedOn: null,
        language: null,
        enteredAt: '2026-06-20T02:00:00Z',
      },
    ],
  };
}

/** The postponement of the demo's Amsterdam 2020 edition, as its report states it (the demo test expects it too). */
export const AMSTERDAM_2020_POSTPONEMENT: EditionChangeRow = {
  kind: 'POSTPONED',
  at: '2020-03-04T16:00:00.000Z',
  fromStartsAt: '2020-03-30T07:00:00.000Z',
  fromEndsAt: '2020-04-02T16:00:00.000Z',
  fromFormat: 'IN_PERSON',
  toFormat: 'IN_PERSON',
  toStartsAt: '2020-08-13T07:00:00.000Z',
  toEndsAt: '2020-08-16T16:00:00.000Z',
};

/**
 * An in-person edition postponed before it was held, as the demo's Amsterdam 2020: registrations with countries and
 * first-time answers, and nothing else recorded (no CFP, no session, no sponsor, partner, media or co-located event,
 * no gender answers, no virtual ticket, no check-in), then moved online after the postponement.
 */
export function postponedEdition(): ReportInput {
  const input = emptyEdition();
  return {
    ...input,
    languages: ['en', 'zh-CN'],
    event: { ...input.event, format: 'IN_PERSON', startsAt: '2020-08-13T07:00:00Z', endsAt: '2020-08-16T16:00:00Z', timezone: 'Europe/Amsterdam' },
    registrations: { total: 60, inPerson: 60, virtual: 0, checkedIn: null },
    firstTime: { yes: 30, respondents: 50 },
    countries: { groups: [{ key: 'NL', count: 30 }, { key: 'DE', count: 20 }, { key: 'FR', count: 10 }], notAnswered: 0 },
    companySize: { groups: [], notAnswered: 60 },
    jobFunction: { groups: [], notAnswered: 60 },
    industry: { groups: [], notAnswered: 60 },
    gender: { groups: [], notAnswered: 60 },
    ticketTypes: [{ key: 'CORPORATE', count: 40 }, { key: 'INDIVIDUAL', count: 20 }],
    speakerOrigins: { speakers: 0, local: 0, withoutCountry: 0 },
    changes: [
      { ...AMSTERDAM_2020_POSTPONEMENT },
      {
        kind: 'MOVED_ONLINE',
        at: '2020-04-23T10:00:00.000Z',
        fromStartsAt: '2020-08-13T07:00:00.000Z',
        fromEndsAt: '2020-08-16T16:00:00.000Z',
        fromFormat: 'IN_PERSON',
        toFormat: 'VIRTUAL',
        toStartsAt: '2020-08-13T07:00:00.000Z',
        toEndsAt: '2020-08-16T16:00:00.000Z',
      },
    ],
  };
}
