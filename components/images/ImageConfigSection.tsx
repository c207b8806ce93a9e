import { EnvList } from "@/components/ui/EnvList";
import type { ImageDetail } from "@/lib/images/types";
import { DetailSection, KV } from "@/components/ui/DetailSection";

const mono = (v: string) => <code className="font-mono text-xs break-all">{v}</code>;
/** An exec-form list as a shell would read it; empty shows a dash. */
const argv = (a: string[]) =>
  a.length ? mono(a.map((s) => (/\s/.test(s) ? JSON.stringify(s) : s)).join(" ")) : "—";
const list = (a: string[], none: string) =>
  a.length ? (
    <ul className="font-mono text-xs">
      {a.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  ) : (
    <span className="text-muted">{none}</span>
  );

/** What a container started from this image gets by default. */
export function ImageConfigSection({ image }: { image: ImageDetail }) {
  const c = image.config;
  const labels = Object.entries(c.labels);
  return (
    <>
      <DetailSection title="Runs as" testId="image-config">
        <KV
          rows={[
            ["Entrypoint", argv(c.entrypoint)],
            ["Command", argv(c.cmd)],
            ["Working dir", c.workingDir ? mono(c.workingDir) : "—"],
            ["User", c.user ? mono(c.user) : "root (default)"],
            ["Platform", [image.os, image.architecture, image.variant].filter(Boolean).join("/")],
            ["Exposed ports", list(c.exposedPorts, "none")],
            ["Volumes", list(c.volumes, "none")],
            ...(image.author ? [["Author", image.author] as [string, string]] : []),
          ]}
        />
      </DetailSection>
      <DetailSection title="Environment">
        <EnvList env={c.env} />
      </DetailSection>
      <DetailSection title="Labels">
        {labels.length ? (
          <table className="w-full font-mono text-xs">
            <tbody>
              {labels.map(([k, v]) => (
                <tr key={k} className="border-b border-line/50">
                  <td className="w-1/2 py-0.5 pr-2 align-top break-all text-muted">{k}</td>
                  <td className="py-0.5 break-all">{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className="text-muted">No labels.</div>
        )}
      </DetailSection>
    </>
  );
}
