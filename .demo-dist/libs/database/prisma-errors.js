"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isUniqueViolation = isUniqueViolation;
const client_1 = require("./generated/client");
/** True when the error is a unique-constraint violation (optionally on a given column). */
function isUniqueViolation(error, column) {
    if (!(error instanceof client_1.Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002')
        return false;
    if (column === undefined)
        return true;
    return JSON.stringify(error.meta ?? {}).includes(column);
}
//# sourceMappingURL=prisma-errors.js.map