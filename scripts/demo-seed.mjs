// Seeds the running demo through Wharf's own API: a team-scoped operator who reads Wharf in Chinese,
// so the demo shows what a team limited to one label sees and may do, in the second language.
// Idempotent: an existing user is left as it is.
//   node scripts/demo-seed.mjs BASE_URL ADMIN_PASSWORD TEAM_PASSWORD
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
