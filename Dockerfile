# Multi-stage build for the production profile: one image, two commands (API and projector).
# Stage 1 compiles (better-sqlite3 builds from source with the toolchain here).
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

# Stage 2 runs: production dependencies, the compiled code and the policy files only.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY policies ./policies
USER node
EXPOSE 3000 3001
# The same V8 flags as `npm start`: heap bounds and one helper thread (see README, "Memory bounds" and "One V8 helper thread").
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=192", "--v8-pool-size=1", "dist/apps/api/src/main.js"]
