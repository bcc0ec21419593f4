"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=Report.js.map