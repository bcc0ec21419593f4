"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ScholarshipAssignment.js.map