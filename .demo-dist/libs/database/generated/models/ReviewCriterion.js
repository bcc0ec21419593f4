"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ReviewCriterion.js.map