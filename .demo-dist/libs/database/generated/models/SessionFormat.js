"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=SessionFormat.js.map