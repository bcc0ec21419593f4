"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ReviewConflict.js.map