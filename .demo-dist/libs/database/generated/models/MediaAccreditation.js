"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=MediaAccreditation.js.map