import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const PREFIX = "enc:v1:";

/**
 * AES-256-GCM for secrets at rest (TLS keys, SSH keys, registry passwords). The key comes from
 * WHARF_SECRET_KEY, or from a key file created with mode 0600 in the data dir on first boot.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromConfig(configured: string | undefined, dataDir: string): SecretBox {
    if (configured) return new SecretBox(crypto.createHash("sha256").update(configured).digest());
    const file = path.join(dataDir, "secret.key");
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    }
    const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
    if (key.length !== 32) throw new Error(`${file}: not a 32-byte base64 key`);
    return new SecretBox(key);
  }

  seal(plain: string): string {
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([c.update(plain, "utf8"), c.final()]);
    return PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString("base64");
  }

  open(sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error("not a sealed secret");
    const raw = Buffer.from(sealed.slice(PREFIX.length), "base64");
    const d = crypto.createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8");
  }
}
