"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AppModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AppModule = void 0;
const common_1 = require("@nestjs/common");
const audit_module_1 = require("../../../libs/audit/audit.module");
const clock_module_1 = require("../../../libs/clock/clock.module");
const config_module_1 = require("../../../libs/config/config.module");
const database_module_1 = require("../../../libs/database/database.module");
const queue_module_1 = require("../../../libs/queue/queue.module");
const redis_module_1 = require("../../../libs/redis/redis.module");
const auth_module_1 = require("./auth/auth.module");
const cfp_module_1 = require("./cfp/cfp.module");
const events_module_1 = require("./events/events.module");
const facts_module_1 = require("./facts/facts.module");
const health_module_1 = require("./health/health.module");
const notifications_module_1 = require("./notifications/notifications.module");
const registrations_module_1 = require("./registrations/registrations.module");
const reports_module_1 = require("./reports/reports.module");
const reviews_module_1 = require("./reviews/reviews.module");
const scholarships_module_1 = require("./scholarships/scholarships.module");
let AppModule = AppModule_1 = class AppModule {
    static forRoot(config) {
        return {
            module: AppModule_1,
            imports: [
                config_module_1.ConfigModule.forRoot(config),
                database_module_1.DatabaseModule,
                redis_module_1.RedisModule,
                audit_module_1.AuditModule,
                clock_module_1.ClockModule,
                queue_module_1.QueueModule.forRoot(config, 'producer'),
                auth_module_1.AuthModule,
                events_module_1.EventsModule,
                facts_module_1.FactsModule,
                cfp_module_1.CfpModule,
                reviews_module_1.ReviewsModule,
                registrations_module_1.RegistrationsModule,
                reports_module_1.ReportsModule,
                scholarships_module_1.ScholarshipsModule,
                health_module_1.HealthModule,
                notifications_module_1.NotificationsModule,
            ],
        };
    }
};
exports.AppModule = AppModule;
exports.AppModule = AppModule = AppModule_1 = __decorate([
    (0, common_1.Module)({})
], AppModule);
//# sourceMappingURL=app.module.js.map