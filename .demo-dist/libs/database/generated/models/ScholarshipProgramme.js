"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ScholarshipProgramme.js.map