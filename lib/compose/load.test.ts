import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { loadCompose } from "./load";
import { issueLines, load, refusal } from "./test-helpers";

describe("loadCompose: errors", () => {
  it("throws one VALIDATION error naming the first issue and how many more", () => {
    const compose =
      "services:\n  web:\n    image: nginx\n    blkio_config:\n      weight: 10\n    ports:\n      - 99999\n";
    let error: unknown;
    try {
      loadCompose({ compose, projectName: "demo" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    expect((error as AppError).message).toBe("services.web.blkio_config: not supported (and 1 more)");
    expect((error as AppError).details).toEqual({
      issues: [
        { path: "services.web.blkio_config", message: "not supported", line: 4, col: 5 },
        {
          path: "services.web.ports[0]",
          message: '"99999" in "99999" is not a port (1-65535) or a port range',
          line: 7,
          col: 9,
        },
      ],
    });
  });

  it("says a value refused once only once", () => {
    const compose = "services:\n  web:\n    image: x\n    ports:\n      - ${PORT:?needed}\n";
    expect(issueLines(compose)).toEqual([
      'services.web.ports[0]: required variable "PORT" is missing a value: needed',
    ]);
  });

  it("gives a YAML syntax error its line and column", () => {
    const r = refusal("services:\n  web:\n    image: 'nginx\n");
    expect(r.message).toMatch(/^line 4, column 1: Missing closing 'quote/);
    expect(r.issues).toEqual([{ path: "", message: r.message, line: 4, col: 1 }]);
  });

  it("locates schema errors, also inside anchors merged into a service", () => {
    const compose = [
      "x-defaults: &defaults", // 1
      "  restart: always", // 2
      "  tty: maybe", // 3
      "services:", // 4
      "  web:", // 5
      "    <<: *defaults", // 6
      "    image: 5", // 7
    ].join("\n");
    expect(refusal(compose).issues).toEqual([
      { path: "services.web.tty", message: "must be a boolean (true or false)", line: 3, col: 3 },
      { path: "services.web.image", message: "must be a string", line: 7, col: 5 },
    ]);
  });

  it("reports unknown keys apart from unsupported ones, each once", () => {
    const compose = "services:\n  web:\n    image: x\n    prots: []\n    userns_mode: host\n    x-mine: 1\n";
    expect(refusal(compose).issues).toEqual([
      { path: "services.web.prots", message: 'unknown key (did you mean "ports"?)', line: 4, col: 5 },
      { path: "services.web.userns_mode", message: "not supported", line: 5, col: 5 },
    ]);
  });

  it("stops before normalizing when the schema refuses the file", () => {
    expect(issueLines("services:\n  web:\n    image: x\n    ports: 80\n    depends_on: [nope]\n")).toEqual([
      "services.web.ports: must be a list",
    ]);
  });

  it("refuses aliases that expand without bound", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++)
      lines.push(
        `${"abcdefgh"[i]}: &${"abcdefgh"[i]} [${Array(10)
          .fill(`*${"abcdefgh"[i - 1]}`)
          .join(", ")}]`,
      );
    expect(refusal(lines.join("\n") + "\nservices: {}\n").message).toMatch(/alias/i);
  });

  it("reports a file with no services, or none active", () => {
    expect(issueLines("services: {}\n")).toEqual(["services: the file defines no services"]);
    expect(issueLines("services:\nvolumes:\n")).toEqual(["services: the file defines no services"]);
    expect(issueLines("services:\n  a:\n    image: x\n    profiles: [dev]\n")).toEqual([
      "services: no service is active with no profile selected",
    ]);
  });
});

describe("loadCompose: interpolation", () => {
  it("takes variables from .env only, and warns about unset ones", () => {
    process.env.WHARF_LEAK_TEST = "leaked";
    try {
      const r = load(
        "services:\n  web:\n    image: ${IMAGE}:${TAG:-latest}\n    environment:\n      A: $WHARF_LEAK_TEST\n      B: $$HOME\n",
        {
          env: "IMAGE=nginx\n",
        },
      );
      expect(r.project.services.web?.image).toBe("nginx:latest");
      expect(r.project.services.web?.environment).toEqual({ A: "", B: "$HOME" });
      expect(r.warnings).toEqual(['the variable "WHARF_LEAK_TEST" is not set; it became ""']);
    } finally {
      delete process.env.WHARF_LEAK_TEST;
    }
  });

  it("reads interpolated numbers and booleans where the file takes them", () => {
    const r = load(
      "services:\n  web:\n    image: x\n    tty: ${TTY}\n    scale: ${N}\n    ports:\n      - target: ${PORT}\n        published: ${PORT}\n",
      { env: "TTY=yes\nN=3\nPORT=8080" },
    );
    expect(r.project.services.web).toMatchObject({
      tty: true,
      replicas: 3,
      ports: [{ target: 8080, published: 8080, protocol: "tcp" }],
    });
  });

  it("makes a required variable an issue at the value, with its message", () => {
    const compose =
      "services:\n  web:\n    image: x\n    environment:\n      - TOKEN=${TOKEN:?set TOKEN in .env}\n";
    expect(refusal(compose).issues).toEqual([
      {
        path: "services.web.environment[0]",
        message: 'required variable "TOKEN" is missing a value: set TOKEN in .env',
        line: 5,
        col: 9,
      },
    ]);
  });

  it("reports .env problems by line", () => {
    expect(issueLines("services:\n  web:\n    image: x\n", { env: "OK=1\nnot valid\n" })).toEqual([
      '.env: line 2: cannot read "not valid"; expected KEY=VALUE',
    ]);
  });

  it("does not interpolate keys", () => {
    const r = load("services:\n  web:\n    image: x\n    labels:\n      $$key: ${V}\n", { env: "V=v" });
    expect(r.project.services.web?.labels).toEqual({ $$key: "v" });
  });
});

describe("loadCompose: versions and legacy files", () => {
  it("accepts version 2 and 3 files and warns the key is ignored", () => {
    for (const version of ["2", "2.4", "3", "3.8"]) {
      const r = load(`version: "${version}"\nservices:\n  web:\n    image: x\n`);
      expect(r.warnings).toEqual([`the \`version\` key ("${version}") is obsolete and was ignored`]);
      expect(r.converted).toBeUndefined();
    }
    expect(load("version: 3.8\nservices:\n  web:\n    image: x\n").warnings[0]).toMatch(/"3.8"/);
    expect(load("version: '4'\nservices:\n  web:\n    image: x\n").warnings).toEqual([
      'the `version` key names no known compose version ("4"); it was ignored',
    ]);
  });

  it("converts a version-1 file and loads it", () => {
    const compose =
      'web:\n  build: .\n  links:\n    - redis\n  ports:\n    - "5000:5000"\nredis:\n  image: redis\n';
    const r = load(compose, { files: { Dockerfile: "FROM python" } });
    expect(r.converted?.from).toBe("v1");
    expect(r.converted?.compose).toBe(
      'services:\n  web:\n    build: .\n    links:\n      - redis\n    ports:\n      - "5000:5000"\n  redis:\n    image: redis\n',
    );
    expect(r.converted?.changes[0]).toBe(
      "Moved the services web and redis under a top-level `services:` key.",
    );
    expect(Object.keys(r.project.services)).toEqual(["web", "redis"]);
    expect(r.project.services.web).toMatchObject({
      build: { context: ".", args: {}, labels: {} },
      links: ["redis:redis"],
      ports: [{ target: 5000, published: 5000, protocol: "tcp" }],
      networks: { default: { aliases: [] } },
    });
    expect(r.project.networks).toEqual({
      default: {
        name: "demo_default",
        external: false,
        driverOpts: {},
        internal: false,
        attachable: false,
        enableIpv6: false,
        labels: {},
      },
    });
  });

  it("points issues of a converted file at the original lines", () => {
    const compose = 'web:\n  image: x\n  expose:\n    - "80"\n  cpu_shares: 5\n';
    expect(refusal(compose).issues).toEqual([
      { path: "services.web.cpu_shares", message: "not supported", line: 5, col: 3 },
    ]);
  });
});

describe("loadCompose: project name", () => {
  it("takes the file's name, else the stack's", () => {
    expect(load("name: shop\nservices:\n  web:\n    image: x\n").project.name).toBe("shop");
    expect(load("services:\n  web:\n    image: x\n").project.name).toBe("demo");
  });

  it("refuses a name compose would refuse", () => {
    expect(refusal("name: My_Shop\nservices:\n  web:\n    image: x\n").issues).toEqual([
      {
        path: "name",
        message:
          'the project name "My_Shop" must start with a lowercase letter or digit and hold only lowercase letters, digits, "_" and "-"',
        line: 1,
        col: 1,
      },
    ]);
    expect(issueLines("services:\n  web:\n    image: x\n", { projectName: "-x" })[0]).toMatch(
      /^name: the project name "-x"/,
    );
  });
});
