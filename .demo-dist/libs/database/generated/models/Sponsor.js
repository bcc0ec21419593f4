"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=Sponsor.js.map