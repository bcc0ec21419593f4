"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=RoleGrant.js.map