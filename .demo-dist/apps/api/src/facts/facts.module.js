"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.FactsModule = void 0;
const common_1 = require("@nestjs/common");
const events_module_1 = require("../events/events.module");
const facts_controller_1 = require("./facts.controller");
const facts_repository_1 = require("./facts.repository");
const facts_service_1 = require("./facts.service");
let FactsModule = class FactsModule {
};
exports.FactsModule = FactsModule;
exports.FactsModule = FactsModule = __decorate([
    (0, common_1.Module)({
        imports: [events_module_1.EventsModule],
        controllers: [facts_controller_1.FactsController],
        providers: [facts_service_1.FactsService, facts_repository_1.FactsRepository],
        exports: [facts_repository_1.FactsRepository],
    })
], FactsModule);
//# sourceMappingURL=facts.module.js.map