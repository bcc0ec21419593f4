"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ScholarshipApplication.js.map