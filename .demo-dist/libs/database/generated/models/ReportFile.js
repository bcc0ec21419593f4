"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ReportFile.js.map