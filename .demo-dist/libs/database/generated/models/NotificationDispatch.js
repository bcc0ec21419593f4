"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=NotificationDispatch.js.map