"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=CommunityPartner.js.map