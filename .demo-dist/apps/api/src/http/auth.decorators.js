"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OptionalUser = exports.CurrentActor = exports.Public = exports.IS_PUBLIC = void 0;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../../../../libs/errors/domain.error");
exports.IS_PUBLIC = 'lectern:public';
/** The route needs no token; a token that is sent is still checked, so public routes can tailor what they show. */
const Public = () => (0, common_1.SetMetadata)(exports.IS_PUBLIC, true);
exports.Public = Public;
/** The signed-in caller with the request id, for services that write the audit log. */
exports.CurrentActor = (0, common_1.createParamDecorator)((_, context) => {
    const request = context.switchToHttp().getRequest();
    if (!request.user)
        throw domain_error_1.CommonErrors.unauthenticated();
    return { ...request.user, requestId: String(request.id) };
});
/** The caller on a public route, if a token was sent. */
exports.OptionalUser = (0, common_1.createParamDecorator)((_, context) => {
    return context.switchToHttp().getRequest().user;
});
//# sourceMappingURL=auth.decorators.js.map