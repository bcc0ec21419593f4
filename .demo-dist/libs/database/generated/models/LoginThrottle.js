"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=LoginThrottle.js.map