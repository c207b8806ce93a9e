"use client";
import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { useFormat } from "@/components/i18n/useFormat";
import { Button } from "@/components/ui/Button";
import { Field, inputClass } from "@/components/ui/Form";
import { pickedFile, type PickedFile } from "./object-form";

/**
 * A secret's value, write-only from the first keystroke: a masked one-line field, or a file read in
 * the browser for content with several lines (a password field drops line breaks, which would spoil a
 * key). Nothing here echoes the value, and password managers are asked not to keep it.
 */
export function SecretValueField({
  value,
  file,
  error,
  onValue,
  onFile,
  onFileError,
}: {
  value: string;
  file?: PickedFile;
  error?: string;
  onValue: (v: string) => void;
  onFile: (f: PickedFile | undefined) => void;
  onFileError: (e: unknown) => void;
}) {
  const t = useTranslations("swarm.secrets");
  const format = useFormat();
  const picker = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const hint = file ? undefined : t("dataHint");
  // The button sits outside the <label>: inside, a click on the label text would press it.
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-end gap-2">
        <Field label={t("data")} className="min-w-0 flex-1">
          {file ? (
            <span
              className={`${inputClass} flex items-center truncate font-mono text-xs text-muted`}
              data-testid="secret-file"
            >
              {t("file", { name: file.name, size: format.bytes(file.size) })}
            </span>
          ) : (
            <input
              type="password"
              name="value"
              className={`${inputClass} w-full font-mono text-xs`}
              value={value}
              autoComplete="off"
              spellCheck={false}
              data-1p-ignore
              data-lpignore="true"
              aria-invalid={!!error || undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => onValue(e.target.value)}
            />
          )}
        </Field>
        <Button
          className="h-[26px]"
          onClick={() => (file ? onFile(undefined) : picker.current?.click())}
          data-testid={file ? "secret-file-clear" : "secret-file-pick"}
        >
          {file ? t("typeInstead") : t("fromFile")}
        </Button>
        <input
          ref={picker}
          type="file"
          className="hidden"
          tabIndex={-1}
          aria-hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) pickedFile(f).then(onFile, onFileError);
          }}
        />
      </div>
      {error && (
        <span id={errorId} className="text-[11px] text-bad" data-testid="field-error">
          {error}
        </span>
      )}
      {hint && <span className="text-[11px] text-muted">{hint}</span>}
    </div>
  );
}
