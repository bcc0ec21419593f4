"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=NotificationDelivery.js.map