"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=CheckIn.js.map