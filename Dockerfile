# syntax=docker/dockerfile:1
# The auth service image (docs/deploy.md): the last stage, the default target, runs the service
# (dist/src/main.js; dist/libs/descope-emulator/src/main.js starts the emulator from it too).
# `docker build --target emulator .` builds the standalone Descope emulator alone instead, which
# docker-compose.yml runs beside the service.

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

# --- emulator-package: the emulator packed as other teams get it (npm run pack:emulator) and
# installed with its own dependencies (qrcode) only ---
FROM build AS emulator-package
RUN npm run -s pack:emulator -- --pack-destination /tmp \
  && npm install --prefix /emulator --omit=dev --ignore-scripts --prefer-offline --no-audit --no-fund \
    /tmp/descope-auth-emulator-*.tgz

# --- emulator: the standalone Descope emulator (`docker build --target emulator .`), nothing of
# the service. Flags go after the image name: `docker run … descope-emulator --import /state` ---
FROM node:24-slim AS emulator
WORKDIR /emulator
COPY --from=emulator-package /emulator/node_modules ./node_modules
USER 1000:1000
# Inside a container clients come over the bridge, not loopback: listen on every interface and let
# the UI (/) and the admin routes (/emulator/*) answer them. It signs whatever it is asked and its
# admin routes hand out every user and key: publish it to this machine only, as
# `docker run -p 127.0.0.1:4500:4500 descope-emulator`. Set the port and project id with
# EMULATOR_PORT and EMULATOR_PROJECT_ID (not flags): the healthcheck reads them.
ENV EMULATOR_HOST=0.0.0.0 EMULATOR_PORT=4500 EMULATOR_ADMIN_REMOTE=true
EXPOSE 4500
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.EMULATOR_PORT + '/v2/keys/' + (process.env.EMULATOR_PROJECT_ID || 'P2EmulatorLocalProject000000000'), { signal: AbortSignal.timeout(2000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "node_modules/@descope-auth/emulator/dist/cli.js"]

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
