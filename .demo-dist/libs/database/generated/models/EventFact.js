"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=EventFact.js.map