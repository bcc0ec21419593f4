"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ClockModule = void 0;
const common_1 = require("@nestjs/common");
const clock_1 = require("./clock");
/** One Clock for the whole application, so that replacing its time in a test reaches every service. */
let ClockModule = class ClockModule {
};
exports.ClockModule = ClockModule;
exports.ClockModule = ClockModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({ providers: [clock_1.Clock], exports: [clock_1.Clock] })
], ClockModule);
//# sourceMappingURL=clock.module.js.map