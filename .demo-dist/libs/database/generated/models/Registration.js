"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=Registration.js.map