import crypto from "node:crypto";
import { alertVolume, type AlertView, type TargetConfig } from "../../lib/alerts";

/** What every target says about one alert event. */
export interface Notice {
  event: "firing" | "resolved" | "test";
  alert: AlertView;
  /** The container's (or host's) page in Wharf. */
  link: string;
}

/** The HTTP request a target kind makes of a notice; email is sent apart. */
export interface HttpMessage {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const EVENT_WORD = { firing: "FIRING", resolved: "RESOLVED", test: "TEST" } as const;

/** One line naming the alert: state, rule and subject. */
export function title(n: Notice): string {
  const a = n.alert;
  const volume = alertVolume(a);
  const subject = a.containerName ?? (volume ? `volume ${volume}` : a.hostId);
  return `[${EVENT_WORD[n.event]}] ${a.ruleName}: ${subject} on ${a.hostId}`;
}

/** The facts, one per line: host, container, stack and service, the details, the link. */
export function facts(n: Notice): string[] {
  const a = n.alert;
  const lines = [a.summary, `host: ${a.hostId}`];
  if (a.containerName)
    lines.push(`container: ${a.containerName}${a.containerId ? ` (${a.containerId.slice(0, 12)})` : ""}`);
  if (a.project) lines.push(`stack: ${a.project}${a.service ? `, service: ${a.service}` : ""}`);
  for (const [k, v] of Object.entries(a.details)) lines.push(`${k}: ${v}`);
  if (a.count > 1) lines.push(`times: ${a.count}`);
  lines.push(`started: ${new Date(a.startedAt).toISOString()}`);
  if (a.resolvedAt) lines.push(`resolved: ${new Date(a.resolvedAt).toISOString()}`);
  lines.push(n.link);
  return lines;
}

/** The generic webhook's JSON: the alert as the API shows it, the event and the link. */
export function webhookJson(n: Notice): Record<string, unknown> {
  const { deliveries: _d, ...alert } = n.alert;
  return { event: n.event, title: title(n), link: n.link, alert };
}

/** `{{field}}` placeholders of a webhook template, each replaced by its JSON-escaped text. */
export function fillTemplate(template: string, n: Notice): string {
  const a = n.alert;
  const values: Record<string, string | number | undefined> = {
    event: n.event,
    title: title(n),
    summary: a.summary,
    link: n.link,
    rule: a.ruleName,
    kind: a.kind,
    host: a.hostId,
    container: a.containerName,
    containerId: a.containerId,
    stack: a.project,
    service: a.service,
    count: a.count,
    exitCode: a.details.exitCode,
    volume: a.details.volume,
    image: a.details.image,
    percent: a.details.percent,
    startedAt: new Date(a.startedAt).toISOString(),
  };
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, k: string) =>
    JSON.stringify(String(values[k] ?? "")).slice(1, -1),
  );
}

/** DingTalk and Feishu sign a robot call with HMAC-SHA256 of "timestamp\nsecret". */
function signed(timestampMs: number, secret: string, keyIsSecret: boolean): string {
  const text = `${timestampMs}\n${secret}`;
  const mac = keyIsSecret
    ? crypto.createHmac("sha256", secret).update(text)
    : crypto.createHmac("sha256", text).update("");
  return mac.digest("base64");
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

export function httpMessage(
  c: Exclude<TargetConfig, { kind: "email" }>,
  n: Notice,
  now = Date.now(),
): HttpMessage {
  const head = title(n);
  const body = facts(n);
  switch (c.kind) {
    case "webhook":
      return {
        url: c.url,
        headers: JSON_HEADERS,
        body: c.template ? fillTemplate(c.template, n) : JSON.stringify(webhookJson(n)),
      };
    case "slack":
      // Slack's incoming webhooks (and Mattermost, Rocket.Chat) take {text} with mrkdwn.
      return {
        url: c.url,
        headers: JSON_HEADERS,
        body: JSON.stringify({ text: `*${head}*\n${body.join("\n")}` }),
      };
    case "discord":
      return {
        url: c.url,
        headers: JSON_HEADERS,
        body: JSON.stringify({ content: `**${head}**\n${body.join("\n")}`.slice(0, 2000) }),
      };
    case "ntfy":
      return {
        url: c.url,
        headers: {
          "content-type": "text/plain; charset=utf-8",
          // Header values must be Latin-1: ntfy reads RFC 2047 encoded words in its headers.
          title: `=?UTF-8?B?${Buffer.from(head).toString("base64")}?=`,
          priority: n.event === "firing" ? "high" : "default",
          tags: n.event === "firing" ? "rotating_light" : "white_check_mark",
          click: n.link,
          ...(c.token ? { authorization: `Bearer ${c.token}` } : {}),
        },
        body: body.join("\n"),
      };
    case "dingtalk": {
      // The custom robot: markdown with a title; a signed robot takes timestamp and sign in the URL.
      const url = new URL(c.url);
      if (c.secret) {
        url.searchParams.set("timestamp", String(now));
        url.searchParams.set("sign", signed(now, c.secret, true));
      }
      return {
        url: url.toString(),
        headers: JSON_HEADERS,
        body: JSON.stringify({
          msgtype: "markdown",
          markdown: { title: head, text: `### ${head}\n\n${body.map((l) => `- ${l}`).join("\n")}` },
        }),
      };
    }
    case "wecom":
      // WeCom's group robot: markdown content, up to 4096 bytes.
      return {
        url: c.url,
        headers: JSON_HEADERS,
        body: JSON.stringify({
          msgtype: "markdown",
          markdown: { content: `**${head}**\n${body.join("\n")}` },
        }),
      };
    case "feishu": {
      // Feishu's custom bot: a text message; a signed bot takes timestamp (seconds) and sign in the body.
      const seconds = Math.floor(now / 1000);
      return {
        url: c.url,
        headers: JSON_HEADERS,
        body: JSON.stringify({
          ...(c.secret ? { timestamp: String(seconds), sign: signed(seconds, c.secret, false) } : {}),
          msg_type: "text",
          content: { text: `${head}\n${body.join("\n")}` },
        }),
      };
    }
  }
}
