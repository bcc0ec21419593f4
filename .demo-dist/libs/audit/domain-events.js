"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=domain-events.js.map