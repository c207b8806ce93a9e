/** Settings of the source container that the form does not show: say they exist and what happens to them. */
export function OutsideFormNotice({ flags, recreate }: { flags: string[]; recreate: boolean }) {
  return (
    <div className="rounded border border-line bg-panel-2 px-3 py-2 text-[12px]" data-testid="outside-form">
      <span className="text-muted">
        {recreate
          ? "Also set on this container, not shown in the form, and kept by the recreate: "
          : "Also set on the source container, not shown in the form and not copied: "}
      </span>
      <span className="font-mono text-[11px]">{flags.join(" ")}</span>
    </div>
  );
}
