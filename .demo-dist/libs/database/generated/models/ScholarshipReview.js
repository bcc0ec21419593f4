"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ScholarshipReview.js.map