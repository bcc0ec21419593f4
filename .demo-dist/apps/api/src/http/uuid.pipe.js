"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.uuidParam = void 0;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../../../../libs/errors/domain.error");
/** A path parameter that must be a UUID; anything else is a 400 naming the parameter, never a database error. */
const uuidParam = (name) => new common_1.ParseUUIDPipe({ exceptionFactory: () => domain_error_1.CommonErrors.validation([{ field: name, code: 'isUUID' }]) });
exports.uuidParam = uuidParam;
//# sourceMappingURL=uuid.pipe.js.map