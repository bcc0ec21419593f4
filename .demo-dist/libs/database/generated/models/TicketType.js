"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=TicketType.js.map