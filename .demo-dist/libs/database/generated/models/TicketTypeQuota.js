"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=TicketTypeQuota.js.map