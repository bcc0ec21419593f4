"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=SubmissionDecision.js.map