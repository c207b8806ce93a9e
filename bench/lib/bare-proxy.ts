import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

/**
 * The least an HTTP proxy in front of the engine can cost: a Node process that passes each request
 * to the engine's unix socket on a keep-alive agent and pipes the answer back, with no auth, policy
 * or audit. It runs as its own process, as Wharf does, so its figure is the price of the extra hop
 * itself on this machine; Wharf's own share is what it adds beyond it.
 */
const SOURCE = `
const http = require("node:http");
const [socketPath, prefix] = process.argv.slice(1);
const agent = new http.Agent({ keepAlive: true });
const server = http.createServer((req, res) => {
  const headers = { ...req.headers };
  delete headers.authorization;
  delete headers.host;
  const up = http.request(
    { socketPath, agent, method: req.method, path: req.url.slice(prefix.length), headers },
    (er) => {
      res.writeHead(er.statusCode, er.statusMessage, er.headers);
      res.flushHeaders();
      er.pipe(res);
    },
  );
  up.on("error", () => res.destroy());
  req.pipe(up);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));
`;

export interface BareProxy {
  port: number;
  stop: () => void;
}

/** Starts the bare proxy on a free loopback port; `prefix` is cut from each path, as Wharf's endpoint prefix is. */
export async function startBareProxy(socketPath: string, prefix: string): Promise<BareProxy> {
  const child: ChildProcess = spawn(process.execPath, ["-e", SOURCE, socketPath, prefix], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(child.stdout!, "data")) as [Buffer];
  const port = Number(line.toString("utf8").trim());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`bare proxy: no port (${line.toString("utf8")})`);
  return { port, stop: () => void child.kill("SIGTERM") };
}
