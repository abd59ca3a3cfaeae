# syntax=docker/dockerfile:1
# Production image: the compiled gateway on plain node, production dependencies only, non-root.
# test/integration/production.test.ts performs the same steps without Docker.

ARG NODE_VERSION=20.20

# --- build: every dependency, compile src/ to dist/ ---------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
# No sources copied yet, so `prepare` has nothing to build; the build is the next step.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# Type-check the sources (tests and bench are not in the image), then emit.
RUN npx tsc -p tsconfig.build.json --noEmit && npm run build

# --- runtime: the build output and production dependencies only ----------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The node image's unprivileged user. Without Redis, state lives in ./data (STORE_PATH): mount a
# volume there for it to survive a new container; with several instances, use Redis.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
# node's fetch, so the slim image needs no curl.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1: SIGTERM reaches the gateway, which drains (see SHUTDOWN_TIMEOUT_MS).
CMD ["node", "dist/server/main.js"]
