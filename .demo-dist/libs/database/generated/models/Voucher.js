"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=Voucher.js.map