import { describe, expect, it } from "vitest";
import { checkWith } from "@/components/ui/form-check";
import { configCreateSchema, secretCreateSchema } from "@/lib/swarm/schemas";
import { base64OfBytes, EMPTY_OBJECT_DRAFT, objectBody, pickedFile } from "./object-form";

describe("config and secret form", () => {
  it("sends typed content as text, byte for byte, with the labels as a record", () => {
    // Arrange
    const draft = { name: " nginx.conf ", labels: "team=a\n", data: "listen 8080;\n" };
    // Act
    const body = objectBody(draft);
    // Assert
    expect(body).toEqual({
      name: "nginx.conf",
      labels: { team: "a" },
      data: "listen 8080;\n",
      encoding: "text",
    });
    expect(checkWith(configCreateSchema, body)).toBeUndefined();
  });

  it("sends a picked file as base64 instead of anything typed", () => {
    const file = { name: "key.pem", size: 3, base64: "AAEC" };
    const body = objectBody({ ...EMPTY_OBJECT_DRAFT, name: "tls-key", data: "ignored", file });
    expect(body).toEqual({ name: "tls-key", data: "AAEC", encoding: "base64" });
    expect(checkWith(secretCreateSchema, body)).toBeUndefined();
  });

  it("refuses empty content, naming the field, before the engine's vaguer refusal", () => {
    expect(() => objectBody({ ...EMPTY_OBJECT_DRAFT, name: "db-password" })).toThrow(
      /^data: must not be empty/,
    );
  });

  it("reads a file's bytes as base64, binary and multi-line content alike", async () => {
    // Arrange
    const bytes = new Uint8Array([0, 255, 10, 13, 65]);
    const file = new File([bytes], "blob.bin");
    // Act
    const picked = await pickedFile(file);
    // Assert
    expect(picked).toEqual({ name: "blob.bin", size: 5, base64: Buffer.from(bytes).toString("base64") });
  });

  it("encodes content larger than one chunk", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(base64OfBytes(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});
