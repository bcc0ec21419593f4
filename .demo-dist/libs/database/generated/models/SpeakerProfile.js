"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=SpeakerProfile.js.map