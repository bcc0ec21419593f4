"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=Track.js.map