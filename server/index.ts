import next from "next";
import { createWharf } from "./app";
import { ConfigError, loadConfig } from "./config";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`wharf: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const wharf = await createWharf(config);
  if (wharf.adminPassword) {
    console.log(`wharf: created user "admin" with generated password: ${wharf.adminPassword}`);
    console.log("wharf: this password is shown once; change it after signing in.");
  }
  const port = await wharf.listen();
  const app = next({ dev: config.dev, hostname: "localhost", port, httpServer: wharf.server });
  const handle = app.getRequestHandler();
  await app.prepare();
  wharf.setPageHandler((req, res) => handle(req, res));
  const shown = config.bind === "0.0.0.0" ? "localhost" : config.bind;
  console.log(`wharf: listening on http://${shown}:${port} (${config.dev ? "development" : "production"})`);
  console.log(
    `wharf: hosts: ${config.hosts.map((h) => `${h.id} (${h.kind})`).join(", ") || "none configured"}`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`wharf: ${signal}, shutting down`);
    const force = setTimeout(() => process.exit(1), 8000);
    force.unref();
    void wharf
      .close()
      .then(() => app.close?.())
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

void main();
