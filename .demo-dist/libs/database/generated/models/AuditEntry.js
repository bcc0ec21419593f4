"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=AuditEntry.js.map