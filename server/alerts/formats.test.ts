import { describe, expect, it } from "vitest";
import type { AlertView } from "../../lib/alerts";
import { endpointOf } from "./alert-store";
import { ruleMatches } from "./subjects";
import { facts, fillTemplate, httpMessage, title, type Notice } from "./formats";

const alert: AlertView = {
  id: 7,
  ruleId: 1,
  ruleName: "Crashes",
  kind: "exit",
  state: "firing",
  hostId: "prod-1",
  containerId: "a".repeat(64),
  containerName: "shop-web-1",
  project: "shop",
  service: "web",
  summary: 'exited with code 2 "oops"',
  details: { exitCode: 2 },
  count: 1,
  startedAt: Date.UTC(2026, 0, 1),
  silenced: false,
  deliveries: [],
};
const notice: Notice = { event: "firing", alert, link: "https://wharf.example/hosts/prod-1/containers/aaa" };

describe("alert formats", () => {
  it("names state, rule, subject and host in one line, and the facts one per line", () => {
    expect(title(notice)).toBe("[FIRING] Crashes: shop-web-1 on prod-1");
    expect(facts(notice)).toEqual([
      'exited with code 2 "oops"',
      "host: prod-1",
      "container: shop-web-1 (aaaaaaaaaaaa)",
      "stack: shop, service: web",
      "exitCode: 2",
      "started: 2026-01-01T00:00:00.000Z",
      notice.link,
    ]);
  });

  it("fills a webhook template with JSON-escaped values, so the body stays valid JSON", () => {
    const body = fillTemplate('{"text":"{{summary}}","code":"{{exitCode}}","x":"{{nope}}"}', notice);
    expect(JSON.parse(body)).toEqual({ text: 'exited with code 2 "oops"', code: "2", x: "" });
  });

  it("writes WeCom's markdown and Slack's text", () => {
    const wecom = JSON.parse(
      httpMessage({ kind: "wecom", url: "https://qyapi.weixin.qq.com/x?key=k" }, notice).body,
    ) as { msgtype: string; markdown: { content: string } };
    expect(wecom.msgtype).toBe("markdown");
    expect(wecom.markdown.content).toMatch(/^\*\*\[FIRING\] Crashes/);
    const slack = JSON.parse(
      httpMessage({ kind: "slack", url: "https://hooks.slack.com/services/T/B/X" }, notice).body,
    ) as { text: string };
    expect(slack.text.split("\n")[0]).toBe("*[FIRING] Crashes: shop-web-1 on prod-1*");
  });

  it("names a volume's disk alert by its volume, and fills {{volume}} and {{percent}}", () => {
    const { containerId: _c, containerName: _n, service: _s, ...rest } = alert;
    const disk: Notice = {
      event: "firing",
      alert: {
        ...rest,
        kind: "disk",
        ruleName: "Disk",
        summary: "volume shop_db is 93 % full",
        details: { volume: "shop_db", percent: 93 },
      },
      link: "https://wharf.example/hosts/prod-1/volumes",
    };
    expect(title(disk)).toBe("[FIRING] Disk: volume shop_db on prod-1");
    expect(fillTemplate("{{volume}} {{percent}}", disk)).toBe("shop_db 93");
    const host = { ...disk, alert: { ...disk.alert, details: { path: "/var/lib/docker", percent: 93 } } };
    expect(title(host)).toBe("[FIRING] Disk: prod-1 on prod-1");
  });

  it("shows a webhook by its origin only: the path is its password", () => {
    expect(endpointOf({ kind: "slack", url: "https://hooks.slack.com/services/T/B/secret" })).toBe(
      "https://hooks.slack.com/…",
    );
    expect(endpointOf({ kind: "ntfy", url: "https://ntfy.sh" })).toBe("https://ntfy.sh");
    expect(
      endpointOf({
        kind: "email",
        host: "smtp.example",
        port: 25,
        secure: false,
        from: "a@b.c",
        to: ["o@b.c"],
      }),
    ).toBe("smtp://smtp.example:25 → o@b.c");
  });
});

describe("ruleMatches", () => {
  const labels = { team: "a", "com.docker.compose.project": "shop", "com.docker.compose.service": "web" };
  it("checks hosts, the label selector, the stack and the service", () => {
    expect(ruleMatches({}, "h1", labels)).toBe(true);
    expect(ruleMatches({ hosts: ["h2"] }, "h1", labels)).toBe(false);
    expect(ruleMatches({ labelSelector: "team=a" }, "h1", labels)).toBe(true);
    expect(ruleMatches({ labelSelector: "team=b" }, "h1", labels)).toBe(false);
    expect(ruleMatches({ labelSelector: "team" }, "h1", labels)).toBe(true);
    expect(ruleMatches({ stack: "shop", service: "web" }, "h1", labels)).toBe(true);
    expect(ruleMatches({ stack: "shop", service: "db" }, "h1", labels)).toBe(false);
  });
});
