import { expect, test } from "@playwright/test";
import { docker, E2E_ADMIN_PASSWORD } from "./engines";
import { LoginPage } from "./pages/LoginPage";
import { NetworksPage } from "./pages/networks-page";
import { SystemPage } from "./pages/system-page";
import { shootBothThemes, VolumesPage } from "./pages/volumes-page";

const RUN = Date.now().toString(36);
const VOLUME = `e2e-vol-${RUN}`;
const NETWORK = `e2e-net-${RUN}`;
const USER = `e2e-voluser-${RUN}`;
const NET_USER = `e2e-netuser-${RUN}`;
// Where NET_USER starts out: an internal network of its own, made with the CLI.
const HOME_NET = `e2e-home-${RUN}`;
// A subnet of its own, so runs side by side do not overlap; nothing is ever sent through it.
const OCTET = 20 + Math.floor(Math.random() * 200);
const SUBNET = `10.231.${OCTET}.0/24`;

test.afterAll(() => {
  // What the prune test made, should it fail before its prune.
  const label = `label=wharf.test=prune-${RUN}`;
  const left = docker("local", "ps", "-aq", "--filter", label);
  if (left) docker("local", "rm", "-f", ...left.split("\n"));
  for (const kind of ["volume", "network"] as const) {
    const ids = docker("local", kind, "ls", "-q", "--filter", label);
    if (ids) docker("local", kind, "rm", ...ids.split("\n"));
  }
  // Only what this file made, by exact name.
  for (const c of [USER, NET_USER])
    if (docker("local", "ps", "-aq", "--filter", `name=^/${c}$`)) docker("local", "rm", "-f", c);
  for (const [kind, name] of [
    ["volume", VOLUME],
    ["network", NETWORK],
    ["network", HOME_NET],
  ] as const) {
    if (docker("local", kind, "ls", "-q", "--filter", `name=^${name}$`)) docker("local", kind, "rm", name);
  }
});

test("create a volume, see who uses it, be refused removal while in use, then remove it", async ({
  page,
}) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const volumes = new VolumesPage(page);
  await volumes.open("local");
  await volumes.create(VOLUME, { "wharf.test": RUN });
  await expect(volumes.row(VOLUME)).toContainText(`wharf.test=${RUN}`);
  expect(docker("local", "volume", "inspect", "-f", "{{.Labels}}", VOLUME)).toContain(`wharf.test:${RUN}`);

  // Keyboard: / filters, Escape leaves the box, j focuses the first row.
  await page.keyboard.press("/");
  await expect(page.getByLabel("Filter")).toBeFocused();
  await page.keyboard.type(VOLUME);
  await expect(page.getByTestId("volume-table").locator("tbody tr")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await expect(volumes.row(VOLUME)).toHaveAttribute("data-focused", "true");

  // A container mounts it read-only: the list says so, and the engine's refusal is shown as written.
  docker(
    "local",
    "run",
    "-d",
    "--network",
    "none",
    "--name",
    USER,
    "-v",
    `${VOLUME}:/data:ro`,
    "local/idle:1",
  );
  await expect(volumes.row(VOLUME).getByTestId("volume-users")).toContainText(`${USER} ro`);
  await shootBothThemes(page, "volumes");
  await volumes.remove(VOLUME);
  await expect(page.getByTestId("dialog-error")).toContainText(/in use/i);
  await shootBothThemes(page, "volume-remove-refused");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  docker("local", "rm", "-f", USER);
  // The cross-host list shows it too, with its host.
  await page.goto("/volumes");
  await expect(volumes.row(VOLUME)).toContainText("local");
  await shootBothThemes(page, "volumes-all");
  // The prune dialog says what it covers before anything goes; closed here without pruning.
  await page.getByRole("button", { name: "Prune…" }).click();
  await expect(page.getByRole("dialog")).toContainText("not used by any container");
  await shootBothThemes(page, "volumes-prune");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await volumes.open("local");
  await expect(volumes.row(VOLUME).getByTestId("volume-users")).toHaveText("unused");
  await volumes.remove(VOLUME);
  await expect(volumes.row(VOLUME)).toBeHidden();
  expect(docker("local", "volume", "ls", "-q", "--filter", `name=^${VOLUME}$`)).toBe("");
});

test("create an internal network, connect and disconnect a container with an alias, then remove it", async ({
  page,
}) => {
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const networks = new NetworksPage(page);
  await networks.open("local");
  await networks.submitNew({
    name: NETWORK,
    subnet: SUBNET.replace(".0/", ".1/"),
    labels: { "wharf.test": RUN },
  });
  await expect(page.getByTestId("dialog-error")).toContainText("Subnet:");
  await expect(page.getByTestId("dialog-error")).toContainText(SUBNET);
  await shootBothThemes(page, "network-create-refused");
  await networks.submitNew({
    name: NETWORK,
    subnet: SUBNET,
    gateway: SUBNET.replace(".0/24", ".1"),
    labels: { "wharf.test": RUN },
  });
  await expect(networks.dialog()).toBeHidden();
  const row = networks.row(NETWORK);
  await expect(row.getByTestId("internal-flag")).toBeVisible();
  await expect(row).toContainText(`${SUBNET} via ${SUBNET.replace(".0/24", ".1")}`);
  expect(docker("local", "network", "inspect", "-f", "{{.Internal}}", NETWORK)).toBe("true");

  // An idle container on another internal network: it sends nothing, and neither network has a route out.
  docker("local", "network", "create", "--internal", "--label", `wharf.test=${RUN}`, HOME_NET);
  docker("local", "run", "-d", "--network", HOME_NET, "--name", NET_USER, "local/idle:1");
  await row.getByRole("button", { name: `Connect a container to ${NETWORK}` }).click();
  await networks
    .dialog()
    .getByLabel("Container")
    .selectOption({ label: `${NET_USER} (running)` });
  await networks.dialog().getByLabel("Aliases").fill("api cache");
  await shootBothThemes(page, "network-connect");
  await networks.dialog().getByRole("button", { name: "Connect" }).click();
  await expect(networks.dialog()).toBeHidden();
  await expect(row.getByTestId(`endpoint-${NET_USER}`)).toContainText("aka api, cache");
  expect(docker("local", "inspect", "-f", `{{json .NetworkSettings.Networks}}`, NET_USER)).toContain(NETWORK);
  await shootBothThemes(page, "networks");

  // Removing a network with a container attached is refused; disconnecting first lets it go.
  await networks.remove(NETWORK);
  await expect(page.getByTestId("dialog-error")).toBeVisible();
  await networks.dialog().getByRole("button", { name: "Cancel" }).click();
  await row.getByRole("button", { name: `Disconnect ${NET_USER}` }).click();
  await networks.dialog().getByRole("button", { name: "Disconnect" }).click();
  await expect(row.getByTestId(`endpoint-${NET_USER}`)).toBeHidden();

  await networks.remove(NETWORK);
  await expect(row).toBeHidden();
  expect(docker("local", "network", "ls", "-q", "--filter", `name=^${NETWORK}$`)).toBe("");
});

test("read the engine, its disk usage and events, and prune only this run's labelled objects", async ({
  page,
}) => {
  const label = `wharf.test=prune-${RUN}`;
  const leftover = `e2e-prune-${RUN}`;
  await new LoginPage(page).signIn("admin", E2E_ADMIN_PASSWORD);
  const system = new SystemPage(page);
  await system.open("local");
  await expect(system.info("Storage driver")).toHaveText("overlay2");
  await expect(system.info("Cgroup")).toContainText("cgroupfs");
  await expect(page.getByTestId("df-images")).toBeVisible();
  await expect(page.getByTestId("engine-events")).toBeVisible();
  await expect(page.getByTestId("events-coverage")).toContainText(
    /^every event since \d\d\/\d\d\/\d{4}, [\d:]{8} UTC/,
  );

  // Made with the CLI while the page is open: the events table shows them without a reload.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  docker("local", "create", "--network", "none", "--label", label, "--name", leftover, "local/idle:1");
  docker("local", "volume", "create", "--label", label, `${leftover}-vol`);
  docker("local", "network", "create", "--internal", "--label", label, `${leftover}-net`);
  const events = page.getByTestId("engine-events");
  await expect(events).toContainText(leftover);
  await expect(events).toContainText(`${leftover}-vol`);
  await expect(events).toContainText(`${leftover}-net`);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await shootBothThemes(page, "system");

  // The preview names exactly what goes; the result says what went, kind by kind.
  const d = await system.previewPrune(label);
  await expect(d.getByTestId("preview-containers")).toContainText(leftover);
  await expect(d.getByTestId("preview-volumes")).toContainText(`${leftover}-vol`);
  await expect(d.getByTestId("preview-networks")).toContainText(`${leftover}-net`);
  await expect(d.getByTestId("preview-containers")).toContainText("1 ·");
  await shootBothThemes(page, "system-prune");
  await d.getByTestId("confirm-prune").click();
  await expect(d.getByTestId("prune-results")).toBeVisible({ timeout: 30_000 });
  await expect(d.getByTestId("result-containers")).toContainText("1 removed");
  await expect(d.getByTestId("result-networks")).toContainText("1 removed");
  await expect(d.getByTestId("result-volumes")).toContainText("1 removed");
  expect(docker("local", "ps", "-aq", "--filter", `name=^/${leftover}$`)).toBe("");
  expect(docker("local", "volume", "ls", "-q", "--filter", `label=${label}`)).toBe("");
  expect(docker("local", "network", "ls", "-q", "--filter", `label=${label}`)).toBe("");
});
