"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_LANGUAGE = exports.LANGUAGES = void 0;
exports.loadResources = loadResources;
exports.i18n = i18n;
exports.translator = translator;
exports.negotiateLanguage = negotiateLanguage;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const i18next_1 = __importDefault(require("i18next"));
const project_root_1 = require("../project-root");
exports.LANGUAGES = ['en', 'zh-CN'];
exports.DEFAULT_LANGUAGE = 'en';
/**
 * Loads `locales/<lng>/<ns>.json` and `locales/<lng>/<ns>.<part>.json` as namespace `<ns>`, so each domain can
 * keep its own file of error messages without everyone editing one big file.
 */
function loadResources(dir = (0, node_path_1.join)((0, project_root_1.projectRoot)(), 'locales')) {
    const resources = {};
    for (const lng of exports.LANGUAGES) {
        resources[lng] = {};
        for (const file of (0, node_fs_1.readdirSync)((0, node_path_1.join)(dir, lng)).filter((f) => f.endsWith('.json')).sort()) {
            const ns = file.split('.')[0];
            const content = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, lng, file), 'utf8'));
            resources[lng][ns] = { ...(resources[lng][ns] ?? {}), ...content };
        }
    }
    return resources;
}
let shared;
/** The process-wide i18next instance, initialised synchronously on first use. */
function i18n() {
    if (!shared) {
        const resources = loadResources();
        shared = i18next_1.default.createInstance();
        void shared.init({
            resources,
            lng: exports.DEFAULT_LANGUAGE,
            fallbackLng: exports.DEFAULT_LANGUAGE,
            supportedLngs: [...exports.LANGUAGES],
            ns: Object.keys(resources[exports.DEFAULT_LANGUAGE]),
            defaultNS: 'common',
            initAsync: false,
            interpolation: { escapeValue: false },
            returnNull: false,
            showSupportNotice: false,
        });
    }
    return shared;
}
function translator(language) {
    return i18n().getFixedT(language);
}
/**
 * Picks the best supported language from an Accept-Language header (RFC 9110 q-values). Any Chinese tag that is
 * not explicitly Traditional falls back to Simplified Chinese, the only Chinese edition Lectern has.
 */
function negotiateLanguage(header) {
    if (!header)
        return exports.DEFAULT_LANGUAGE;
    const ranges = header
        .split(',')
        .map((part, index) => {
        const [tag, ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        const weight = q ? Number(q.slice(2)) : 1;
        return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
        .filter((r) => r.tag && r.weight > 0)
        .sort((a, b) => b.weight - a.weight || a.index - b.index);
    for (const { tag } of ranges) {
        if (tag === 'en' || tag.startsWith('en-'))
            return 'en';
        if (tag === 'zh' || (tag.startsWith('zh-') && !/^zh-(hant|tw|hk|mo)/.test(tag)))
            return 'zh-CN';
    }
    return exports.DEFAULT_LANGUAGE;
}
//# sourceMappingURL=i18n.js.map