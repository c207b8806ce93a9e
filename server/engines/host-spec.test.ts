import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HostConfigError, parseHostsSetting } from "./host-spec";

const CA = "-----BEGIN CERTIFICATE-----\nMIIBca\n-----END CERTIFICATE-----\n";
const CERT = "-----BEGIN CERTIFICATE-----\nMIIBcert\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nMIIBkey\n-----END PRIVATE KEY-----\n";
const SSH_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----\n";

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-hosts-"));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeFile(name: string, content: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

const json = (entries: unknown) => JSON.stringify(entries);

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a throw");
}

describe("parseHostsSetting kinds", () => {
  it("parses a unix socket entry", () => {
    const [spec] = parseHostsSetting(json([{ id: "local", url: "unix:///var/run/docker.sock" }]));

    expect(spec).toEqual({
      id: "local",
      name: "local",
      kind: "unix",
      url: "unix:///var/run/docker.sock",
      connection: { socketPath: "/var/run/docker.sock" },
    });
  });

  it("parses a plain tcp entry with the default port 2375 and keeps a given name", () => {
    const [spec] = parseHostsSetting(json([{ id: "build", name: "Build box", url: "tcp://10.0.0.5" }]));

    expect(spec).toMatchObject({
      name: "Build box",
      kind: "tcp",
      connection: { protocol: "http", host: "10.0.0.5", port: 2375 },
    });
  });

  it("uses an explicit port", () => {
    const [spec] = parseHostsSetting(json([{ id: "build", url: "tcp://builder.internal:12375" }]));

    expect(spec?.connection).toEqual({ protocol: "http", host: "builder.internal", port: 12375 });
  });

  it("strips the brackets from an IPv6 host", () => {
    const [spec] = parseHostsSetting(json([{ id: "v6", url: "tcp://[fd00::1]:2375" }]));

    expect(spec?.connection.host).toBe("fd00::1");
  });

  it("parses an https entry with inline PEM and the default port 2376", () => {
    const [spec] = parseHostsSetting(
      json([{ id: "edge", url: "https://edge.example.com", tls: { ca: CA, cert: CERT, key: KEY } }]),
    );

    expect(spec).toMatchObject({
      kind: "tls",
      connection: { protocol: "https", host: "edge.example.com", port: 2376, ca: CA, cert: CERT, key: KEY },
    });
  });

  it("keeps an explicit :443 on an https url instead of the 2376 default", () => {
    const [spec] = parseHostsSetting(
      json([{ id: "edge", url: "https://docker.example.com:443", tls: { ca: CA, cert: CERT, key: KEY } }]),
    );

    expect(spec?.connection).toMatchObject({ host: "docker.example.com", port: 443 });
  });

  it("treats tcp with a tls block as tcp+tls and reads PEM files by path", () => {
    const ca = writeFile("ca.pem", CA);
    const cert = writeFile("cert.pem", CERT);
    const key = writeFile("key.pem", KEY);

    const [spec] = parseHostsSetting(json([{ id: "edge", url: "tcp://edge:2376", tls: { ca, cert, key } }]));

    expect(spec).toMatchObject({
      kind: "tls",
      connection: { protocol: "https", host: "edge", port: 2376, ca: CA, cert: CERT, key: KEY },
    });
  });

  it("parses an ssh entry with user, default port 22 and an inline key", () => {
    const [spec] = parseHostsSetting(
      json([{ id: "far", url: "ssh://deploy@far.example.com", ssh: { privateKey: SSH_KEY } }]),
    );

    expect(spec).toMatchObject({
      kind: "ssh",
      connection: {
        protocol: "ssh",
        host: "far.example.com",
        port: 22,
        username: "deploy",
        sshOptions: { privateKey: SSH_KEY },
      },
    });
  });

  it("defaults the ssh user to root and reads the key from a path", () => {
    const keyPath = writeFile("id_ed25519", SSH_KEY);

    const [spec] = parseHostsSetting(
      json([{ id: "far", url: "ssh://far:2222", ssh: { privateKey: keyPath } }]),
    );

    expect(spec?.connection).toMatchObject({
      port: 2222,
      username: "root",
      sshOptions: { privateKey: SSH_KEY },
    });
  });

  it("returns one spec per entry in order", () => {
    const specs = parseHostsSetting(
      json([
        { id: "a", url: "tcp://a" },
        { id: "b", url: "tcp://b" },
      ]),
    );

    expect(specs.map((s) => s.id)).toEqual(["a", "b"]);
  });
});

describe("parseHostsSetting files", () => {
  it("reads a JSON file", () => {
    const file = writeFile("hosts.json", json([{ id: "local", url: "unix:///run/docker.sock" }]));

    expect(parseHostsSetting(file).map((s) => s.id)).toEqual(["local"]);
  });

  it("reads a YAML file", () => {
    const file = writeFile(
      "hosts.yaml",
      [
        "- id: local",
        "  url: unix:///run/docker.sock",
        "- id: edge",
        "  name: Edge",
        "  url: tcp://edge:2375",
        "",
      ].join("\n"),
    );

    const specs = parseHostsSetting(file);

    expect(specs.map((s) => [s.id, s.name, s.kind])).toEqual([
      ["local", "local", "unix"],
      ["edge", "Edge", "tcp"],
    ]);
  });

  it("reads a .yml file with surrounding whitespace in the setting", () => {
    const file = writeFile("hosts.yml", "- id: one\n  url: tcp://one\n");

    expect(parseHostsSetting(`  ${file}\n`).map((s) => s.id)).toEqual(["one"]);
  });

  it("names an unreadable file", () => {
    const missing = path.join(dir, "nope.json");

    const err = errorOf(() => parseHostsSetting(missing));

    expect(err).toBeInstanceOf(HostConfigError);
    expect(err.message).toContain(`WHARF_HOSTS: cannot read file ${missing}`);
  });

  it("reports a file that is not valid JSON", () => {
    const file = writeFile("broken.json", "[{");

    expect(() => parseHostsSetting(file)).toThrow(`WHARF_HOSTS: ${file} is not valid JSON/YAML`);
  });
});

describe("parseHostsSetting errors", () => {
  it("rejects invalid inline JSON", () => {
    expect(() => parseHostsSetting("[{id: 1}]")).toThrow(/^WHARF_HOSTS: not valid JSON: /);
  });

  it("rejects a value that is not an array", () => {
    const file = writeFile("object.json", json({ id: "local", url: "tcp://x" }));

    expect(() => parseHostsSetting(file)).toThrow("WHARF_HOSTS: must be an array of host entries");
  });

  it("names the index, id and field of a bad url", () => {
    const setting = json([
      { id: "ok", url: "tcp://ok" },
      { id: "edge", url: "http://edge:2375" },
    ]);

    expect(() => parseHostsSetting(setting)).toThrow(
      'WHARF_HOSTS[1] (id "edge"): url: must start with unix://, tcp://, https:// or ssh://',
    );
  });

  it("names only the index when the id is missing", () => {
    expect(() => parseHostsSetting(json([{ url: "tcp://x" }]))).toThrow(/^WHARF_HOSTS\[0\]: id: /);
  });

  it("names the id field when the id is malformed", () => {
    expect(() => parseHostsSetting(json([{ id: "Edge", url: "tcp://x" }]))).toThrow(
      `WHARF_HOSTS[0] (id "Edge"): id: must be 1-63 chars`,
    );
  });

  it("names a nested tls field", () => {
    const setting = json([{ id: "edge", url: "https://edge", tls: { ca: CA, cert: "", key: KEY } }]);

    expect(() => parseHostsSetting(setting)).toThrow(
      'WHARF_HOSTS[0] (id "edge"): tls.cert: must be PEM text or a file path',
    );
  });

  it("rejects unknown keys inside tls", () => {
    const setting = json([
      { id: "edge", url: "https://edge", tls: { ca: CA, cert: CERT, key: KEY, pass: "x" } },
    ]);

    expect(() => parseHostsSetting(setting)).toThrow(/^WHARF_HOSTS\[0\] \(id "edge"\): tls: /);
  });

  it("rejects a duplicate id", () => {
    const setting = json([
      { id: "edge", url: "tcp://a" },
      { id: "edge", url: "tcp://b" },
    ]);

    expect(() => parseHostsSetting(setting)).toThrow(
      'WHARF_HOSTS[1] (id "edge"): id: duplicate host id "edge"',
    );
  });

  it("names an unreadable certificate path", () => {
    const missing = path.join(dir, "missing-ca.pem");
    const setting = json([{ id: "edge", url: "https://edge", tls: { ca: missing, cert: CERT, key: KEY } }]);

    expect(() => parseHostsSetting(setting)).toThrow(
      `WHARF_HOSTS[0] (id "edge"): tls.ca: cannot read file ${missing}`,
    );
  });

  it("names an unreadable ssh key path", () => {
    const missing = path.join(dir, "missing-key");
    const setting = json([{ id: "far", url: "ssh://far", ssh: { privateKey: missing } }]);

    expect(() => parseHostsSetting(setting)).toThrow(
      `WHARF_HOSTS[0] (id "far"): ssh.privateKey: cannot read file ${missing}`,
    );
  });

  it("requires tls for an https url", () => {
    expect(() => parseHostsSetting(json([{ id: "edge", url: "https://edge" }]))).toThrow(
      'WHARF_HOSTS[0] (id "edge"): tls: an https url needs',
    );
  });

  it("requires a key for an ssh url", () => {
    expect(() => parseHostsSetting(json([{ id: "far", url: "ssh://far" }]))).toThrow(
      'WHARF_HOSTS[0] (id "far"): ssh: an ssh url needs',
    );
  });

  it("rejects a relative unix socket path", () => {
    expect(() => parseHostsSetting(json([{ id: "local", url: "unix://run/docker.sock" }]))).toThrow(
      'WHARF_HOSTS[0] (id "local"): url: unix socket path must be absolute',
    );
  });

  it("rejects a port out of range", () => {
    expect(() => parseHostsSetting(json([{ id: "edge", url: "tcp://edge:99999" }]))).toThrow(
      /^WHARF_HOSTS\[0\] \(id "edge"\): url: /,
    );
  });

  it("names the url field for port 0", () => {
    expect(() => parseHostsSetting(json([{ id: "edge", url: "tcp://edge:0" }]))).toThrow(
      'WHARF_HOSTS[0] (id "edge"): url: invalid port "0"',
    );
  });

  it("throws HostConfigError for entry problems", () => {
    expect(errorOf(() => parseHostsSetting(json([{ id: "x" }])))).toBeInstanceOf(HostConfigError);
  });
});

describe("parseHostsSetting failover", () => {
  it("reads a swarm's other managers, each with the entry's own TLS settings", () => {
    const [spec] = parseHostsSetting(
      json([
        {
          id: "swarm",
          url: "https://10.0.0.1:2376",
          tls: { ca: CA, cert: CERT, key: KEY },
          failover: ["https://10.0.0.2:2376", "https://10.0.0.3"],
        },
      ]),
    );
    expect(spec?.connection.host).toBe("10.0.0.1");
    expect(
      spec?.failover?.map((f) => [f.id, f.kind, f.connection.host, f.connection.port, f.connection.ca]),
    ).toEqual([
      ["swarm", "tls", "10.0.0.2", 2376, CA],
      ["swarm", "tls", "10.0.0.3", 2376, CA],
    ]);
    expect(spec?.failover?.[0]?.failover).toBeUndefined();
  });

  it("names the failover address that is wrong", () => {
    const err = errorOf(() =>
      parseHostsSetting(
        json([{ id: "s", url: "tcp://10.0.0.1:2375", failover: ["tcp://10.0.0.2:2375", "ftp://x"] }]),
      ),
    );
    expect(err).toBeInstanceOf(HostConfigError);
    expect(err.message).toBe(
      'WHARF_HOSTS[0] (id "s"): failover.1: must start with unix://, tcp://, https:// or ssh://',
    );
  });
});
