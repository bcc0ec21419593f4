"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ReviewSettings.js.map