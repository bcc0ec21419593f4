"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=CfpQuestion.js.map