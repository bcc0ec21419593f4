"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=SubmissionSpeaker.js.map