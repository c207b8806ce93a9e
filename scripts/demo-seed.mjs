// Seeds the running demo through Wharf's own API: a team-scoped operator who reads Wharf in Chinese,
// so the demo shows what a team limited to one label sees and may do, in the second language; and
// a compose stack, deployed, with two revisions to compare and roll back to.
// It also makes an API token for the docker CLI, limited to that team, and prints how to use it.
// Idempotent: an existing user, stack or token is left as it is.
//   node scripts/demo-seed.mjs BASE_URL ADMIN_PASSWORD TEAM_PASSWORD
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, adminPassword, teamPassword] = process.argv.slice(2);
if (!base || !adminPassword || !teamPassword) {
  console.error("usage: node scripts/demo-seed.mjs BASE_URL ADMIN_PASSWORD TEAM_PASSWORD");
  process.exit(2);
}
const headers = { "content-type": "application/json", "x-wharf-csrf": "1" };

async function waitUp() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Wharf did not answer at ${base}`);
}

await waitUp();
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: "POST",
  headers,
  body: JSON.stringify({ username: "admin", password: adminPassword }),
});
if (!login.ok) throw new Error(`demo seed: sign-in failed (${login.status})`);
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
const created = await fetch(`${base}/api/v1/users`, {
  method: "POST",
  headers: { ...headers, cookie },
  body: JSON.stringify({
    username: "payments",
    password: teamPassword,
    role: "operator",
    hosts: ["local", "edge", "secure"],
    labelSelector: "team=payments",
  }),
});
if (created.status !== 201 && created.status !== 409) {
  throw new Error(`demo seed: creating the payments user failed (${created.status} ${await created.text()})`);
}
if (created.status === 201) {
  const team = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers,
    body: JSON.stringify({ username: "payments", password: teamPassword }),
  });
  const teamCookie = (team.headers.get("set-cookie") ?? "").split(";")[0];
  const locale = await fetch(`${base}/api/v1/auth/locale`, {
    method: "PUT",
    headers: { ...headers, cookie: teamCookie },
    body: JSON.stringify({ locale: "zh-CN" }),
  });
  if (!locale.ok)
    throw new Error(`demo seed: setting the payments user's language failed (${locale.status})`);
}

// A small shop as a compose stack: its services idle on an internal network and send nothing.
const shop = (level) => `x-base: &base
  image: local/idle:1
  restart: unless-stopped
  labels:
    demo.stack: shop
services:
  db:
    <<: *base
    environment:
      ROLE: db
    # An anonymous volume: a recreate of db mounts the same one, so its data stays.
    volumes:
      - /var/lib/db
    healthcheck:
      test: ["CMD", "true"]
      interval: 2s
  api:
    <<: *base
    environment:
      ROLE: api
      LOG_LEVEL: ${level}
    deploy:
      replicas: 2
      resources:
        limits: { memory: 64M, cpus: "0.25" }
    depends_on:
      db: { condition: service_healthy }
  worker:
    <<: *base
    environment:
      ROLE: worker
    depends_on: [db]
networks:
  default:
    internal: true
`;
const stacks = `${base}/api/v1/hosts/local/stacks`;
const stack = await fetch(stacks, {
  method: "POST",
  headers: { ...headers, cookie },
  body: JSON.stringify({ name: "demo-shop", compose: shop("info"), message: "first version" }),
});
if (stack.status !== 201 && stack.status !== 409) {
  throw new Error(`demo seed: creating the demo-shop stack failed (${stack.status} ${await stack.text()})`);
}
if (stack.status === 201) {
  const deploy = async () => {
    const r = await fetch(`${stacks}/demo-shop/deploy`, {
      method: "POST",
      headers: { ...headers, cookie },
      body: "{}",
    });
    if (r.status !== 202)
      throw new Error(`demo seed: deploying demo-shop failed (${r.status} ${await r.text()})`);
    const { jobId } = await r.json();
    for (let i = 0; i < 240; i++) {
      const j = await (await fetch(`${base}/api/v1/jobs/${jobId}`, { headers: { cookie } })).json();
      if (j.state !== "running") return j.state;
      await new Promise((res) => setTimeout(res, 500));
    }
    return "running";
  };
  await deploy();
  await fetch(`${stacks}/demo-shop`, {
    method: "PUT",
    headers: { ...headers, cookie },
    body: JSON.stringify({ compose: shop("debug"), message: "api logs at debug level" }),
  });
  await deploy();
}

// On the swarm host (when the demo runs one): a service on every node, and a stack deployed to the
// swarm as services. Nothing publishes a port; the stack's network is internal, and its tasks stay on
// the one node labelled for them.
const hostList = await (await fetch(`${base}/api/v1/hosts`, { headers: { cookie } })).json();
if (hostList.items?.some((h) => h.id === "swarm")) {
  const swarmApi = `${base}/api/v1/hosts/swarm/swarm/services`;
  const have = await (await fetch(swarmApi, { headers: { cookie } })).json();
  if (!have.items?.some((s) => s.name === "demo-probe")) {
    const r = await fetch(swarmApi, {
      method: "POST",
      headers: { ...headers, cookie },
      body: JSON.stringify({
        name: "demo-probe",
        image: "local/idle:1",
        replicas: 3,
        labels: { team: "payments" },
        stopGracePeriod: "2s",
        updateConfig: { parallelism: 1, delay: "2s", order: "start-first", failureAction: "rollback" },
      }),
    });
    if (r.status !== 201)
      throw new Error(`demo seed: the swarm service failed (${r.status} ${await r.text()})`);
  }
  const swarmStacks = `${base}/api/v1/hosts/swarm/stacks`;
  const made = await fetch(swarmStacks, {
    method: "POST",
    headers: { ...headers, cookie },
    body: JSON.stringify({
      name: "demo-edge",
      orchestrator: "swarm",
      message: "edge gateway and its node agent",
      compose: `services:
  gateway:
    image: local/ticker:1
    stop_grace_period: 2s
    deploy:
      replicas: 2
      labels: { team: payments }
      update_config: { parallelism: 1, delay: 5s, order: start-first, failure_action: rollback }
      placement: { constraints: ["node.labels.demo.stacks==yes"] }
  agent:
    image: local/idle:1
    stop_grace_period: 2s
    deploy:
      mode: global
      placement: { constraints: ["node.labels.demo.stacks==yes"] }
networks:
  default: { internal: true }
`,
    }),
  });
  if (made.status === 201) {
    const r = await fetch(`${swarmStacks}/demo-edge/deploy`, {
      method: "POST",
      headers: { ...headers, cookie },
      body: "{}",
    });
    if (r.status !== 202)
      throw new Error(`demo seed: deploying demo-edge failed (${r.status} ${await r.text()})`);
  } else if (made.status !== 409) {
    throw new Error(`demo seed: the swarm stack failed (${made.status} ${await made.text()})`);
  }
}

// Alert rules, once: with no target they are recorded and shown in Wharf; add a target to be told.
const rules = await (await fetch(`${base}/api/v1/alerts/rules`, { headers: { cookie } })).json();
if (!rules.items?.length) {
  for (const rule of [
    { name: "Crash loop", kind: "restart-loop", params: { restarts: 3, minutes: 5 } },
    { name: "Non-zero exit", kind: "exit" },
    { name: "OOM killed", kind: "oom" },
    { name: "Memory over 90 % of its limit", kind: "memory", params: { percent: 90, seconds: 60 } },
    {
      name: "Payments CPU over 80 % of its limit",
      kind: "cpu",
      scope: { labelSelector: "team=payments" },
      params: { percent: 80, seconds: 120 },
    },
    { name: "Host down", kind: "host-down", params: { seconds: 30 } },
    { name: "Disk over 90 % full", kind: "disk", params: { percent: 90 } },
  ]) {
    const r = await fetch(`${base}/api/v1/alerts/rules`, {
      method: "POST",
      headers: { ...headers, cookie },
      body: JSON.stringify(rule),
    });
    if (r.status !== 201)
      throw new Error(`demo seed: alert rule "${rule.name}" failed (${r.status} ${await r.text()})`);
  }
  // A job that keeps failing, so the crash-loop rule has something to say.
  const containers = `${base}/api/v1/hosts/local/containers`;
  const made = await fetch(containers, {
    method: "POST",
    headers: { ...headers, cookie },
    body: JSON.stringify({
      name: "demo-flaky-job",
      config: {
        Image: "local/idle:1",
        Entrypoint: ["/bin/sh", "-c"],
        Cmd: ["echo 'connecting to queue…'; sleep 3; echo 'queue unreachable' >&2; exit 1"],
        Labels: { team: "search" },
        HostConfig: { NetworkMode: "none", RestartPolicy: { Name: "on-failure", MaximumRetryCount: 5 } },
      },
    }),
  });
  if (made.status === 201)
    await fetch(`${containers}/demo-flaky-job/start`, {
      method: "POST",
      headers: { ...headers, cookie },
      body: "{}",
    });
}

// A maintenance window, once: the demo database is being moved, so its alerts are recorded, not sent.
const silences = await (await fetch(`${base}/api/v1/alerts/silences`, { headers: { cookie } })).json();
if (!silences.items?.length) {
  const r = await fetch(`${base}/api/v1/alerts/silences`, {
    method: "POST",
    headers: { ...headers, cookie },
    body: JSON.stringify({
      hostId: "secure",
      subject: "demo-db",
      comment: "moving the database to new disks",
      endsAt: Date.now() + 24 * 3600_000,
    }),
  });
  if (r.status !== 201) throw new Error(`demo seed: silence failed (${r.status} ${await r.text()})`);
}

// The docker CLI through Wharf: a token of the payments team's, its context and config printed once.
const tokens = await (await fetch(`${base}/api/v1/tokens`, { headers: { cookie } })).json();
if (!tokens.items?.some((t) => t.name === "demo-cli")) {
  const r = await fetch(`${base}/api/v1/tokens`, {
    method: "POST",
    headers: { ...headers, cookie },
    body: JSON.stringify({
      name: "demo-cli",
      role: "operator",
      hosts: ["local"],
      labelSelector: "team=payments",
    }),
  });
  if (r.status !== 201) throw new Error(`demo seed: token failed (${r.status} ${await r.text()})`);
  const { token } = await r.json();
  const dir = mkdtempSync(join(tmpdir(), "wharf-demo-cli-"));
  writeFileSync(
    join(dir, "config.json"),
    JSON.stringify({ HttpHeaders: { Authorization: `Bearer ${token}` } }),
  );
  const host = new URL(base).host;
  console.log(`
  The docker CLI through Wharf, as the payments team (operator, team=payments, host local):
    DOCKER_CONFIG=${dir} docker -H tcp://${host}/api/v1/hosts/local/docker ps
`);
}
