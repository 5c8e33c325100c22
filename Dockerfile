# syntax=docker/dockerfile:1
# One image for the API (which serves the web app) and the job worker; compose.yaml runs both from it.
#   docker build -t fne-calculator .
#   docker run -p 8787:8787 -v fne-data:/data fne-calculator                    # embedded database (PGlite in /data)
#   docker run -e DATABASE_URL=postgres://… fne-calculator node dist/fne-worker/main.mjs   # a worker
# Stages: `build` (every dependency: the web app with vite, the server bundles with esbuild), `deps` (production
# dependencies only, flat), and the image itself: those two, a non-root user, nothing else.

FROM node:20-bookworm-slim AS base
WORKDIR /app
# pnpm at the version package.json names (packageManager), as .ci/run installs it.
RUN npm install -g pnpm@10.34.9

FROM base AS build
COPY . .
# The install's postinstall builds the server bundles (scripts/bundle.mjs); `pnpm build` the web app (apps/web/dist).
RUN pnpm install --frozen-lockfile && pnpm build
# The bundles at fixed paths: dist/fne-api/main.mjs and dist/fne-worker/main.mjs, each with its plan-worker.mjs.
RUN node --input-type=module -e "import { cpSync } from 'node:fs'; import { ensureBundle } from './scripts/bundle.mjs'; for (const b of ['fne-api', 'fne-worker']) cpSync(await ensureBundle(b), 'dist/' + b, { recursive: true });"

FROM base AS deps
COPY . .
# Production dependencies of every package, in one flat node_modules: the bundles load PGlite's WebAssembly and
# Swagger UI's files from there. No install scripts: none of them has one to run.
RUN pnpm install --prod --frozen-lockfile --ignore-scripts --config.node-linker=hoisted

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8787 FNE_DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
# The embedded database's directory (used without DATABASE_URL), owned by the user the processes run as.
RUN mkdir /data && chown node:node /data
USER node
EXPOSE 8787
# /ready: the database answers and its migrations ran (the worker has no HTTP: compose.yaml turns this off for it).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/fne-api/main.mjs"]
