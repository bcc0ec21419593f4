"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ReviewScore.js.map