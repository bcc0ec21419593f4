"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ReviewerTrack.js.map