import { PODMAN_QUIRKS, proofTitle, type Quirk } from "./quirks";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function handling(q: Quirk): string {
  const h = q.handling;
  if (h.kind === "workaround") return `**Workaround.** ${h.how}`;
  if (h.kind === "same") return `**Same as Docker.** ${h.how}`;
  return `**Disabled** (\`${h.capability}\`): ${h.reason}`;
}

/** How many cases of the shared integration test files run on the Podman host too. */
export const SHARED_CASES = 25;

/** Differences seen on the test host that Wharf does not yet make up for. */
const GAPS = [
  "Log timestamps are whole seconds (`2024-05-01T10:00:00Z`; Docker: nanoseconds): live logs and downloads read both forms, but a time range cannot cut finer than a second. A finished container's log comes stdout first, then stderr, not in the order the lines were written.",
  "Volume sizes are the size of the volume's directory on the host: a tmpfs volume shows 0, where Docker sizes none (-1). A `size=` option of the local driver is refused on a file system without project quotas.",
];

/** docs/podman.md, generated from the quirk table: `npx tsx scripts/gen-podman-doc.ts` writes it. */
export function podmanDoc(): string {
  const rows = (PODMAN_QUIRKS as readonly Quirk[]).map(
    (q) =>
      `| \`${q.id}\` | ${q.area} | ${cell(q.differs)} | ${cell(handling(q))} | ${q.seen} | "${proofTitle(q.id)}" |`,
  );
  return `<!-- Generated from server/engines/podman/quirks.ts by scripts/gen-podman-doc.ts; do not edit. -->
# Podman hosts

Wharf works with Podman's Docker-compatible API (\`podman system service\`) as with a Docker engine. A
host is Podman when its \`GET /version\` lists a component named "Podman Engine"; nothing else makes
it so, so a Docker engine is never taken for Podman. The host then shows as "Podman 4.3.1, Docker API
1.41 compatible", and \`GET /api/v1/hosts\` carries \`engine: {kind, version, apiVersion}\` beside
\`engineVersion\` and \`apiVersion\`.

Where Podman behaves differently, Wharf either makes up for it (a workaround) or, when it cannot,
disables the action on that host: \`GET /api/v1/hosts\` lists it under \`disabled\` with the reason,
and the UI disables or hides the action with that reason.

## Setting up the host
- Run the service with a file events logger (\`events_logger = "file"\` under \`[engine]\` in
  containers.conf) or a working journald: Wharf's live lists follow the event stream.
- In sandboxes that refuse raising rlimits, containers fail to start with "error setting rlimit type
  7"; set \`default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]\` under \`[containers]\`.
- \`scripts/test-engines.sh\` starts such a host for the tests (\`hosts-podman.json\`).

## Capabilities and differences
"Seen" says whether the difference was seen on the test host (Debian's Podman 4.3.1, rootful, runc,
cgroup v1) or is known from other set-ups. "Test" is the test in
\`tests/integration/podman.test.ts\` that shows it on the real host.

| id | area | what differs | what Wharf does | seen | test |
|---|---|---|---|---|---|
${rows.join("\n")}

## Known gaps
Seen on the test host, and not yet made up for: Wharf passes the engine's answer on. The shared tests
below assert what it answers today, or hold the case back on Podman, so each shows up when it is closed.
${GAPS.map((g) => `- ${g}`).join("\n")}

## The shared integration tests
Besides \`podman.test.ts\`, ${SHARED_CASES} cases of the integration suite run on the Podman host as on a
Docker engine, parameterised over the same host list (\`SHARED_HOSTS\` in
\`tests/integration/harness.ts\`), not copied: container list, detail and lifecycle (7), log download (2), live logs (1),
exec terminal (5), live stats (2), the quota view (1), images (3) and volumes (4). Where Podman differs,
the test asserts what this page says Wharf does there. Changing limits live is not run on Podman: the
host lists it as disabled (\`update-endpoint\`), and the quota test checks the refusal instead.
`;
}
