# One image for the API, the worker and the migration step; the command chooses which runs:
#   node dist/apps/api/src/main.js      the HTTP API (the default command)
#   node dist/apps/worker/src/main.js   the worker
#   node dist/prisma/migrate.js         applies pending migrations, then exits (run it before a new version starts)
# Development only (they refuse NODE_ENV=production): node dist/prisma/seed.js, node dist/prisma/demo.js.
#
# NODE_IMAGE is any Debian bookworm image with Node.js 20.19+ and npm in /usr/local/bin and a `node` user
# (uid 1000), as the official image has; a build-arg so that a machine without registry access can build FROM a
# base of its own (deploy/image/local-base.sh).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No dependency needs an install script (argon2 and swc come as prebuilt platform packages): skipping them makes
# npm 10 (in the official image) install what npm 11 does, and keeps Prisma's postinstall from downloading engines.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json prisma.config.ts ./
COPY prisma ./prisma
COPY libs ./libs
COPY apps ./apps
COPY reports ./reports
COPY bench ./bench
# Generating the client needs no engine: Prisma only checks that PRISMA_SCHEMA_ENGINE_BINARY exists (README,
# "Database migrations").
RUN npm run generate && npm run build

FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force
# --omit=dev still installs what the lock file marks devOptional: the Prisma CLI and TypeScript, which
# @prisma/client names as optional peers, and their own dependencies (240 MB). Nothing at run time loads them.
RUN node -e "const fs = require('fs'); const { packages } = require('./package-lock.json'); \
for (const [path, entry] of Object.entries(packages)) if (entry.devOptional) fs.rmSync(path, { recursive: true, force: true });"
# Reports embed one font file per script (reports/render/font.ts, REPORT_FONT_FILES); the packages' other weights
# and preview images are about 190 MB the image does not need.
RUN find node_modules/@expo-google-fonts \( -name '*.ttf' -o -name '*.png' \) \
      ! -path '*/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' \
      ! -path '*/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf' \
      ! -path '*/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf' -delete

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Code and dependencies stay owned by root: the process, running as `node`, cannot change them. out/ is the one
# writable folder (the demo writes its PDFs there).
COPY package.json ./
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY locales ./locales
COPY prisma/migrations ./prisma/migrations
COPY --from=build /app/dist/apps ./dist/apps
COPY --from=build /app/dist/libs ./dist/libs
COPY --from=build /app/dist/prisma ./dist/prisma
COPY --from=build /app/dist/reports ./dist/reports
RUN mkdir out && chown node:node out
USER node
# 3000: the API (PORT). 9464: the worker's health and metrics (WORKER_HTTP_PORT).
EXPOSE 3000 9464
# Node runs as PID 1: both apps handle SIGTERM themselves (in-flight requests and jobs finish first) and spawn no
# child processes to reap, so no init is needed.
CMD ["node", "dist/apps/api/src/main.js"]
