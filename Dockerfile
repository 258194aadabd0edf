# syntax=docker/dockerfile:1
# The auth service image (docs/deploy.md). One image serves both entry points: the service
# (dist/src/main.js, the default) and the standalone Descope emulator
# (dist/libs/descope-emulator/src/main.js), which docker-compose.yml runs beside it.

# --- build: the whole toolchain, only to compile ---
FROM node:24-slim AS build
WORKDIR /app
# Scripts stay off: the `node` devDependency's install script would fetch a second Node 24 (this
# image already has one, and npm scripts use it), and nothing the build needs has a script.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY nest-cli.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY libs ./libs
RUN npm run build

# --- runtime: production dependencies and the compiled output, nothing else ---
FROM node:24-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The base image's `node` user, by number so Kubernetes' runAsNonRoot can check it. The files
# above stay root's: the process cannot rewrite its own code.
USER 1000:1000
# In a container the management port (/metrics, detailed /health) listens on every interface, so
# probes and Prometheus reach it; publish or route only the public port (3000).
ENV MANAGEMENT_HOST=0.0.0.0
EXPOSE 3000 9464
# The slim image has no curl; Node's own fetch asks the liveness route on the management port.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.MANAGEMENT_PORT || 9464) + '/health/live', { signal: AbortSignal.timeout(2000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--max-semi-space-size=16", "--no-allocation-site-pretenuring", "dist/src/main.js"]
