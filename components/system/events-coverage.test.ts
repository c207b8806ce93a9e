import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/format";
import en from "@/lib/i18n/messages/en";
import { eventsCoverage } from "./events-coverage";

const t = createTranslator({ locale: "en", messages: en, namespace: "system" });
const utc = (ms: number) => formatDateTime(ms, "en", "UTC");

describe("eventsCoverage", () => {
  it("says from when Wharf's own list is whole", () => {
    expect(eventsCoverage({ source: "recent", truncated: false, coveredFrom: 1_795_000_000.5 }, t, utc)).toBe(
      "every event since 11/18/2026, 11:06:40 UTC",
    );
  });

  it("says when the engine answered because the stream is being reopened, and when the list was cut", () => {
    expect(eventsCoverage({ source: "engine", truncated: true }, t, utc)).toBe(
      "from the engine's own buffer while Wharf reconnects its event stream · newest 100 shown",
    );
    expect(eventsCoverage({ source: "recent", truncated: true }, t, utc)).toBe("newest 100 shown");
  });
});
