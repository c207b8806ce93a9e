import { describe, expect, it } from "vitest";
import { EMPTY_HOST_DRAFT, hostBodyOf, hostScheme } from "./host-draft";

const pems = { ca: " CA ", cert: "CERT", key: "KEY", sshKey: "SSHKEY" };

describe("the add-host draft", () => {
  it("trims the fields and leaves out an empty name", () => {
    const draft = { ...EMPTY_HOST_DRAFT, id: " prod-1 ", url: " tcp://10.0.0.6:2375 " };

    const body = hostBodyOf(draft);

    expect(body).toEqual({ id: "prod-1", url: "tcp://10.0.0.6:2375" });
  });

  it("sends TLS material only with an https:// URL", () => {
    const https = { ...EMPTY_HOST_DRAFT, ...pems, id: "a", name: "A", url: "https://h:2376" };
    const tcp = { ...https, url: "tcp://h:2375" };

    const [withTls, withoutTls] = [hostBodyOf(https), hostBodyOf(tcp)];

    expect(withTls).toEqual({
      id: "a",
      name: "A",
      url: "https://h:2376",
      tls: { ca: "CA", cert: "CERT", key: "KEY" },
    });
    expect(withoutTls).toEqual({ id: "a", name: "A", url: "tcp://h:2375" });
  });

  it("sends an SSH key only with an ssh:// URL, and no TLS with it", () => {
    const draft = { ...EMPTY_HOST_DRAFT, ...pems, id: "s", url: "ssh://root@h:22" };

    const body = hostBodyOf(draft);

    expect(body).toEqual({ id: "s", url: "ssh://root@h:22", ssh: { privateKey: "SSHKEY" } });
  });

  it("sends no TLS object when every PEM field is blank", () => {
    const draft = { ...EMPTY_HOST_DRAFT, id: "a", url: "https://h:2376", ca: "  " };

    expect(hostBodyOf(draft)).not.toHaveProperty("tls");
  });

  it("knows the schemes Wharf connects over, and nothing else", () => {
    expect(hostScheme(" https://h:2376")).toBe("https");
    expect(hostScheme("ssh://root@h")).toBe("ssh");
    expect(hostScheme("unix:///var/run/docker.sock")).toBe("unix");
    expect(hostScheme("http://h")).toBeUndefined();
    expect(hostScheme("")).toBeUndefined();
  });
});
