# whosaid: the Telegram bot in a container.
#   docker build -t whosaid .
#   docker run -d --name whosaid --restart unless-stopped --env-file .env \
#     -v "$PWD/corpus:/data/corpus:ro" -v whosaid-state:/data/cache whosaid
# The stories are mounted read-only; the saved index and the update journal live in the volume.
# With DATABASE_URL (PostgreSQL as the shared store; see compose.yaml), the same image runs the
# indexer (`node --import tsx src/cli/index-db.ts --watch`) and any number of bot instances.
FROM node:24-bookworm-slim

ENV NODE_ENV=production \
    CORPUS_DIR=/data/corpus \
    CACHE_DIR=/data/cache \
    LOG_FORMAT=json

WORKDIR /app
COPY package.json package-lock.json ./
# tsx is a runtime dependency (TypeScript runs without a build step); dev tools are left out.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY src ./src
COPY bin ./bin
COPY corpus /data/corpus

# The extraction workers' bundle (src/node/extract-pool.ts) is written beside the packages.
RUN mkdir -p /data/cache node_modules/.cache/whosaid && chown node:node /data/cache node_modules/.cache/whosaid
USER node
VOLUME ["/data/cache"]

# node runs directly as PID 1 (not through npm) so SIGTERM reaches the bot, which handles it:
# it finishes the replies in flight and exits within 10 s.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]
