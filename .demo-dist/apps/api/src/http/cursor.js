"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.encodeCursor = encodeCursor;
exports.decodeCursor = decodeCursor;
const domain_error_1 = require("../../../../libs/errors/domain.error");
/** Opaque keyset cursors: clients pass back what they were given and never build one themselves. */
function encodeCursor(values) {
    return Buffer.from(JSON.stringify(values)).toString('base64url');
}
function decodeCursor(cursor, shape) {
    try {
        const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        if (Array.isArray(values) && values.length === shape.length && values.every((v, i) => typeof v === shape[i])) {
            return values;
        }
    }
    catch {
        // falls through to the same error as a well-formed cursor of the wrong shape
    }
    throw new domain_error_1.DomainError('CURSOR_INVALID', 400);
}
//# sourceMappingURL=cursor.js.map