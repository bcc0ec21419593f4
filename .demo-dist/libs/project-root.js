"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.projectRoot = projectRoot;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/** The folder holding package.json, found from this file both in the sources and in the compiled dist/ tree. */
function projectRoot() {
    let dir = __dirname;
    while (!(0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'package.json')) || dir.endsWith('dist')) {
        const parent = (0, node_path_1.dirname)(dir);
        if (parent === dir)
            throw new Error('package.json not found above ' + __dirname);
        dir = parent;
    }
    return dir;
}
//# sourceMappingURL=project-root.js.map