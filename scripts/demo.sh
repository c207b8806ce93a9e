#!/usr/bin/env bash
# `npm run demo`: private demo engines (the same script the tests use), a few demo containers,
# a production build, and Wharf on http://localhost:${WHARF_PORT:-3000}. Ctrl-C stops it all.
set -euo pipefail
cd "$(dirname "$0")/.."
ENGINES="${WHARF_ENGINES_DIR:-$PWD/.engines}"
DATA="${WHARF_DATA_DIR:-$PWD/data/demo}"
PORT="${WHARF_PORT:-3000}"

[ -x node_modules/.bin/next ] || npm install --no-audit --no-fund
bash scripts/test-engines.sh start
STOP='bash scripts/test-engines.sh stop'
# A three-manager swarm as one more host, for the Swarm pages and a swarm stack (WHARF_DEMO_SWARM=0
# leaves it out). Its engines share this machine's kernel, so the stack's overlay network is joined
# on one node only: the stack's tasks are placed on the node labelled demo.stacks=yes.
if [ "${WHARF_DEMO_SWARM:-1}" != 0 ]; then
  bash scripts/test-engines.sh swarm
  STOP="bash scripts/test-engines.sh swarm-stop; $STOP"
fi
trap 'echo; echo "stopping demo engines"; eval "$STOP"' EXIT

dk() { local engine=$1; shift; docker -H "unix://$ENGINES/$engine/docker.sock" "$@"; }
demo() { # engine name image [docker run flags...]
  local engine=$1 name=$2 image=$3; shift 3
  if [ -z "$(dk "$engine" ps -aq --filter "name=^/$name$")" ]; then
    dk "$engine" run -d --network none --name "$name" "$@" "$image" >/dev/null
  fi
}
demo local demo-web     local/ticker:1 --label team=payments --label com.docker.compose.project=shop --memory 64m --cpus 0.5
demo local demo-worker  local/idle:1   --label team=search --restart unless-stopped --pids-limit 64
demo edge  demo-cron    local/ticker:1 --label team=payments
demo secure demo-db     local/idle:1   --label team=payments --memory 128m -e POSTGRES_PASSWORD=not-a-real-secret
[ -n "$(dk local ps -aq --filter name=^/demo-stopped$)" ] || dk local create --network none --name demo-stopped local/idle:1 >/dev/null
# A fleet-sized list on edge: 150 batch containers, created and never started, so the lists show how
# they stay instant (live state on the server, only the rows on screen in the browser).
if [ "$(dk edge ps -aq --filter label=demo.fleet=batch | wc -l)" -lt 150 ]; then
  seq -w 1 150 | xargs -P 4 -I{} docker -H "unix://$ENGINES/edge/docker.sock" create --network none \
    --name demo-batch-{} --label team=batch --label demo.fleet=batch local/idle:1 >/dev/null 2>&1 || true
fi
# An image whose layers waste space (a file written, overwritten, then deleted), for the layer
# explorer, and changes in demo-web's writable layer for its Files and Changes tabs.
if [ -z "$(dk local images -q demo/report-builder:1)" ]; then
  DOCKER_BUILDKIT=0 dk local build -q --network none -t demo/report-builder:1 - >/dev/null <<'DOCKERFILE'
FROM local/busybox:1.35
RUN mkdir -p /opt/reports && dd if=/dev/zero of=/opt/reports/cache.bin bs=1M count=8 2>/dev/null
RUN dd if=/dev/zero of=/opt/reports/cache.bin bs=1M count=8 2>/dev/null && echo v2 > /opt/reports/VERSION
RUN rm /opt/reports/cache.bin
CMD ["cat", "/opt/reports/VERSION"]
DOCKERFILE
fi
dk local exec demo-web sh -c 'test -e /tmp/warm.cache || { echo "tuned" > /etc/motd; echo "ops:x:1000:" >> /etc/group; touch /tmp/warm.cache; rm -f /bin/acpid; }' || true

npm run -s build

mkdir -p "$DATA"
if [ ! -f "$DATA/admin-password" ]; then
  (umask 077; node -e 'console.log(require("crypto").randomBytes(15).toString("base64url"))' > "$DATA/admin-password")
fi
PASSWORD="$(cat "$DATA/admin-password")"
if [ ! -f "$DATA/payments-password" ]; then
  (umask 077; node -e 'console.log(require("crypto").randomBytes(12).toString("base64url"))' > "$DATA/payments-password")
fi
TEAM_PASSWORD="$(cat "$DATA/payments-password")"
HOSTS="$ENGINES/hosts.json"
[ -f "$ENGINES/hosts-ssh.json" ] && HOSTS="$ENGINES/hosts-ssh.json"
if [ -f "$ENGINES/hosts-swarm.json" ]; then
  dk swarm1 node update --label-add demo.stacks=yes "$(dk swarm1 info --format '{{.Swarm.NodeID}}')" >/dev/null
  node -e 'const fs=require("fs");const [a,b,out]=process.argv.slice(1);
    fs.writeFileSync(out,JSON.stringify([...JSON.parse(fs.readFileSync(a,"utf8")),...JSON.parse(fs.readFileSync(b,"utf8"))]))' \
    "$HOSTS" "$ENGINES/hosts-swarm.json" "$ENGINES/hosts-demo.json"
  HOSTS="$ENGINES/hosts-demo.json"
fi

cat <<MSG

  Wharf demo:  http://localhost:$PORT
  Sign in as:  admin / $PASSWORD
         or:  payments / $TEAM_PASSWORD  (an operator limited to containers labelled team=payments, in Chinese)
  Hosts:       $(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).map(h=>h.id).join(", "))' "$HOSTS")

MSG
NODE_ENV=production MALLOC_ARENA_MAX=2 WHARF_PORT="$PORT" WHARF_DATA_DIR="$DATA" WHARF_HOSTS="$HOSTS" WHARF_ADMIN_PASSWORD="$PASSWORD" \
  node --max-semi-space-size=4 --optimize-for-size dist/server/index.js &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; echo; echo "stopping demo engines"; eval "$STOP"' EXIT
node scripts/demo-seed.mjs "http://127.0.0.1:$PORT" "$PASSWORD" "$TEAM_PASSWORD"
wait "$SERVER"
