import { describe, expect, it } from "vitest";
import { hexLines } from "./hex-dump";

describe("hexLines", () => {
  it("prints offset, byte pairs and the printable text, as xxd does", () => {
    const bytes = new Uint8Array([
      0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x41, 0x42, 0x43, 0x0a, 0x20, 0x7e, 0xff, 0x00, 0x31,
    ]);
    expect(hexLines(bytes)).toEqual([
      "00000000: 7f45 4c46 0201 0100 4142 430a 207e ff00  .ELF....ABC. ~..",
      "00000010: 31                                       1",
    ]);
  });

  it("stops at the cap", () => {
    expect(hexLines(new Uint8Array(100), 32)).toHaveLength(2);
  });
});
