import { describe, expect, it } from "vitest";
import type { ContainerInspect } from "../engines/engine-types";
import { composeFromContainers } from "./adopt";

const P = "shop";
const web = (links: string[]): ContainerInspect => ({
  Id: "a".repeat(64),
  Name: `/${P}_web_1`,
  Image: "sha256:1",
  Config: {
    Image: "local/idle:1",
    Labels: {
      "com.docker.compose.project": P,
      "com.docker.compose.service": "web",
      "com.docker.compose.container-number": "1",
    },
  },
  HostConfig: { NetworkMode: "none", Links: links },
});

describe("composeFromContainers", () => {
  // The engine lists links from a map: two reads of one container may give them in either order.
  const engineLinks = [
    `/${P}_db_1:/${P}_web_1/db`,
    `/${P}_db_1:/${P}_web_1/db_1`,
    `/${P}_cache_1:/${P}_web_1/memcached`,
    `/${P}_cache_1:/${P}_web_1/${P}_cache_1`,
  ];

  it("writes links without the aliases compose adds, in one order whatever the engine's", () => {
    const a = composeFromContainers(P, [web(engineLinks)], new Map());
    const b = composeFromContainers(P, [web([...engineLinks].reverse())], new Map());
    expect(a).toBe(b);
    expect(a).toMatch(/links:\n\s+- cache:memcached\n\s+- db\n/);
  });
});
