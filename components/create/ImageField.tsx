"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { api } from "@/components/api/client";
import { inputClass } from "@/components/ui/Form";
import type { ImageList } from "@/lib/images/types";
import { queryKeys } from "@/lib/query-keys";

/** An image reference to show the expected form: a name, the same in every language. */
const EXAMPLE = "local/ticker:1";

/** The image input, suggesting the host's own tags when the images route answers; plain text otherwise. */
export function ImageField({
  hostId,
  value,
  onChange,
  invalid,
}: {
  hostId: string;
  value: string;
  onChange: (v: string) => void;
  invalid: boolean;
}) {
  const t = useTranslations("create.basics");
  const images = useQuery({
    queryKey: queryKeys.imageList(hostId),
    queryFn: () => api<ImageList>(`/api/v1/hosts/${encodeURIComponent(hostId)}/images`),
    retry: false,
    staleTime: 30_000,
  });
  const tags = [...new Set((images.data?.items ?? []).flatMap((i) => i.repoTags))].sort();
  const listId = `images-${hostId}`;
  return (
    <>
      <input
        name="image"
        aria-label={t("image")}
        list={listId}
        autoComplete="off"
        required
        className={`${inputClass} w-full font-mono text-xs`}
        placeholder={EXAMPLE}
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {tags.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </>
  );
}
