import { describe, expect, it } from "vitest";
import { loadCompose } from "./load";
import { KEY_VALUES } from "./key-values";
import { SUPPORTED_KEYS, type KeyLevel } from "./supported";

/** A file that sets one key to one value, at the level the table names. */
function fileWith(level: string, key: string, value: string): string {
  const v = value.endsWith(":") ? `${value}other` : value;
  const service = (body: string) =>
    `services:\n  other:\n    image: busybox\n    network_mode: none\n  web:\n    image: busybox\n${body}`;
  switch (level) {
    case "service":
      return service(
        key === "network_mode" ? `    network_mode: ${v}\n` : `    network_mode: none\n    ${key}: ${v}\n`,
      );
    case "service.depends_on.*":
      return service(
        `    network_mode: none\n    depends_on:\n      other:\n${key === "condition" ? "" : "        condition: service_started\n"}        ${key}: ${v}\n`,
      );
    case "service.volumes[]":
      return service(
        `    network_mode: none\n    volumes:\n      - type: ${key === "type" ? v : "volume"}\n        target: /data\n${key === "type" ? "" : `        ${key}: ${v}\n`}${key === "type" && v === "bind" ? "        source: /srv\n" : ""}`,
      );
    case "service.ports[]":
      return service(`    ports:\n      - target: 80\n        ${key}: ${v}\n`);
    case "network":
      return `services:\n  web:\n    image: busybox\n    networks: [n]\nnetworks:\n  n:\n    ${key}: ${v}\n`;
    case "volume":
      return `services:\n  web:\n    image: busybox\n    network_mode: none\n    volumes: ["v:/data"]\nvolumes:\n  v:\n    ${key}: ${v}\n`;
    default:
      throw new Error(`no file for ${level}`);
  }
}

describe("KEY_VALUES", () => {
  const entries = Object.entries(KEY_VALUES).map(([path, values]) => {
    const dot = path.lastIndexOf(".");
    return { level: path.slice(0, dot), key: path.slice(dot + 1), values };
  });

  it("offers values only for keys the table supports", () => {
    for (const { level, key } of entries)
      expect(SUPPORTED_KEYS[level as KeyLevel], `${level}.${key}`).toContain(key);
  });

  it("offers only values the loader accepts", () => {
    for (const { level, key, values } of entries)
      for (const value of values) {
        const compose = fileWith(level, key, value);
        expect(
          () => loadCompose({ projectName: "p", compose }),
          `${level}.${key}: ${value}\n${compose}`,
        ).not.toThrow();
      }
  });
});
