import { expect, test } from "@playwright/test";
import { docker, E2E_ADMIN_PASSWORD } from "./engines";
import { LoginPage } from "./pages/LoginPage";
import { NetworksPage } from "./pages/networks-page";
import { shootBothThemes, VolumesPage } from "./pages/volumes-page";

const RUN = Date.now().toString(36);
const VOLUME = `e2e-vol-${RUN}`;
const NETWORK = `e2e-net-${RUN}`;
const USER = `e2e-voluser-${RUN}`;
// A subnet of its own, so runs side by side do not overlap; nothing is ever sent through it.
const OCTET = 20 + Math.floor(Math.random() * 200);
const SUBNET = `10.231.${OCTET}.0/24`;

test.afterAll(() => {
  // Only what this file made, by exact name.
  if (docker("local", "ps", "-aq", "--filter", `name=^/${USER}$`)) docker("local", "rm", "-f", USER);
  for (const [kind, name] of [
    ["volume", VOLUME],
    ["network", NETWORK],
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
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  docker("local", "rm", "-f", USER);
  await expect(volumes.row(VOLUME).getByTestId("volume-users")).toHaveText("unused");
  await volumes.remove(VOLUME);
  await expect(volumes.row(VOLUME)).toBeHidden();
  expect(docker("local", "volume", "ls", "-q", "--filter", `name=^${VOLUME}$`)).toBe("");
});

test("create an internal network, with the subnet checked before sending, then remove it", async ({
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
  await shootBothThemes(page, "networks");

  await networks.remove(NETWORK);
  await expect(row).toBeHidden();
  expect(docker("local", "network", "ls", "-q", "--filter", `name=^${NETWORK}$`)).toBe("");
});
