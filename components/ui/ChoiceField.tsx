"use client";
import { Field, inputClass } from "./Form";

/** A labelled select over a closed set, each choice said by `say` in the user's language. */
export function ChoiceField<T extends string>({
  label,
  value,
  choices,
  say,
  onChoose,
  error,
  testId,
}: {
  label: string;
  value: T;
  choices: readonly T[];
  say: (choice: T) => string;
  onChoose: (choice: T) => void;
  /** Why the server refused the choice, said beside it. */
  error?: string;
  testId?: string;
}) {
  return (
    <Field label={label} error={error}>
      <select
        className={inputClass}
        value={value}
        aria-invalid={!!error || undefined}
        data-testid={testId}
        onChange={(e) => onChoose(choices.find((c) => c === e.target.value) ?? value)}
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            {say(c)}
          </option>
        ))}
      </select>
    </Field>
  );
}
