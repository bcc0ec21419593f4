"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=CfpAnswer.js.map