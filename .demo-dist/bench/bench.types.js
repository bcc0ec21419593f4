"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=bench.types.js.map