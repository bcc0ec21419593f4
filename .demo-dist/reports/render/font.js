"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPORT_FONT_FILE = void 0;
exports.reportFont = reportFont;
const node_fs_1 = require("node:fs");
const node_module_1 = require("node:module");
const node_path_1 = require("node:path");
const fontkit = __importStar(require("fontkit"));
const project_root_1 = require("../../libs/project-root");
/**
 * One TrueType font for both editions: Noto Sans SC covers Latin and Simplified Chinese, so the English and the
 * Chinese PDF look alike and each embeds a single subset font. Regular weight only (each weight is a 10 MB file);
 * headings differ by size and colour. TTF, not WOFF: fontkit decompresses WOFF glyph by glyph, which made a
 * CJK page take seconds (foliojs/pdfkit#1469).
 */
exports.REPORT_FONT_FILE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
let loaded;
/**
 * Parsed once per process: PDFKit accepts a fontkit font object, and the tables fontkit parses lazily (cmap,
 * glyph outlines, metrics) stay cached on it, so later reports skip that work. Each document still builds its
 * own subset, so sharing the font cannot leak glyphs from one report into another.
 */
function reportFont() {
    if (!loaded) {
        const path = (0, node_module_1.createRequire)((0, node_path_1.join)((0, project_root_1.projectRoot)(), 'package.json')).resolve(exports.REPORT_FONT_FILE);
        const font = fontkit.create((0, node_fs_1.readFileSync)(path));
        if (!('layout' in font))
            throw new Error(`${exports.REPORT_FONT_FILE} is a font collection, not a single font`);
        loaded = font;
    }
    return loaded;
}
//# sourceMappingURL=font.js.map