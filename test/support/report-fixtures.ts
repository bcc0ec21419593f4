import { ReportInput } from '@reports/build-report';

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
    registrations: { total: 0, inPerson: 0, virtual: 0, checkedIn: 0 },
    firstTime: { yes: 0, respondents: 0 },
    countries: none,
    companySize: none,
    jobFunction: none,
    industry: none,
    gender: none,
    ticketTypes: [],
    submissions: { total: 0, accepted: 0, byTrack: [], byFormat: [] },
    sessionsByFormat: [],
    speakers: { total: 0, firstTime: 0 },
    scholarshipProgrammes: [],
    sponsors: [],
    communityPartners: [],
    media: [],
  };
}
