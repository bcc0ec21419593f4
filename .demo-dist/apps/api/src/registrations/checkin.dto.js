"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AttendanceDto = exports.AttendanceDayDto = exports.CheckInResultDto = exports.CheckInDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const registrations_dto_1 = require("./registrations.dto");
class CheckInDto {
    badgeToken;
}
exports.CheckInDto = CheckInDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'The token on the attendee’s badge' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(/^[A-Za-z0-9_-]{16,64}$/),
    __metadata("design:type", String)
], CheckInDto.prototype, "badgeToken", void 0);
class CheckInResultDto {
    registrationId;
    attendeeName;
    ticketType;
    day;
    checkedInAt;
    alreadyCheckedIn;
}
exports.CheckInResultDto = CheckInResultDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], CheckInResultDto.prototype, "registrationId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CheckInResultDto.prototype, "attendeeName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: registrations_dto_1.TicketTypeRefDto }),
    __metadata("design:type", registrations_dto_1.TicketTypeRefDto)
], CheckInResultDto.prototype, "ticketType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2019-06-24', description: 'Event day, in the event’s time zone' }),
    __metadata("design:type", String)
], CheckInResultDto.prototype, "day", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time', description: 'When the day’s first scan happened' }),
    __metadata("design:type", Date)
], CheckInResultDto.prototype, "checkedInAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'True when this badge was already scanned today; nothing new was recorded' }),
    __metadata("design:type", Boolean)
], CheckInResultDto.prototype, "alreadyCheckedIn", void 0);
class AttendanceDayDto {
    day;
    checkedIn;
}
exports.AttendanceDayDto = AttendanceDayDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2019-06-24' }),
    __metadata("design:type", String)
], AttendanceDayDto.prototype, "day", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], AttendanceDayDto.prototype, "checkedIn", void 0);
class AttendanceDto {
    confirmed;
    days;
}
exports.AttendanceDto = AttendanceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Confirmed registrations' }),
    __metadata("design:type", Number)
], AttendanceDto.prototype, "confirmed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [AttendanceDayDto] }),
    __metadata("design:type", Array)
], AttendanceDto.prototype, "days", void 0);
//# sourceMappingURL=checkin.dto.js.map