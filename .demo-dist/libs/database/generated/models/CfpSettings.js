"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=CfpSettings.js.map