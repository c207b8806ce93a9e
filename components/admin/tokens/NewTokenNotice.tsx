"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import { describeScope } from "@/lib/permissions";
import type { CreatedToken } from "./useTokenMutations";

/** The secret, shown once: the server keeps only its hash. */
export function NewTokenNotice({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "select">();
  const copy = () => {
    ref.current?.select();
    // The clipboard API needs a secure context (HTTPS or localhost); otherwise the text is selected for Ctrl+C.
    if (navigator.clipboard) {
      navigator.clipboard.writeText(created.token).then(
        () => setCopied("yes"),
        () => setCopied("select"),
      );
    } else setCopied("select");
  };
  return (
    <section
      className="m-3 rounded border border-warn/60 bg-warn/10 p-3"
      data-testid="new-token"
      role="status"
    >
      <div className="mb-2 font-medium">
        Token <b>{created.item.name}</b> created ({created.item.role}, {describeScope(created.item)})
      </div>
      <div className="flex items-center gap-2">
        <input
          ref={ref}
          readOnly
          aria-label="New API token"
          className={`${inputClass} flex-1 font-mono text-xs`}
          value={created.token}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="new-token-value"
        />
        <Button variant="primary" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <Button onClick={onDone}>I saved it</Button>
      </div>
      <p className="mt-2 text-warn">
        Copy it now: you will not see this token again. Wharf stores only its hash; if it is lost, revoke it
        and create a new one.
        {copied === "select" && " The browser would not copy it here: the text is selected, press Ctrl+C."}
      </p>
    </section>
  );
}
