"use client";
import { useTranslations } from "next-intl";
import { forwardRef } from "react";
import { HostFilterSelect } from "@/components/hosts/HostFilterSelect";
import { SearchBar } from "@/components/ui/SearchBar";
import { inputClass } from "@/components/ui/Form";
import type { HostSummary } from "@/lib/types";
import type { ImageFilter } from "./image-filter";

export const ImageFilterBar = forwardRef<
  HTMLInputElement,
  { filter: ImageFilter; onChange: (f: ImageFilter) => void; hosts?: HostSummary[] }
>(function ImageFilterBar({ filter, onChange, hosts }, searchRef) {
  const t = useTranslations("images.filter");
  const check = (key: "dangling" | "unused") => (
    <label className="flex items-center gap-1 whitespace-nowrap" title={t(`${key}Hint`)}>
      <input
        type="checkbox"
        checked={!!filter[key]}
        onChange={(e) => onChange({ ...filter, [key]: e.target.checked || undefined })}
      />
      {t(key)}
    </label>
  );
  return (
    <SearchBar
      ref={searchRef}
      label={t("label")}
      placeholder={t("placeholder")}
      className={`${inputClass} w-64`}
      value={filter.q ?? ""}
      onValue={(q) => onChange({ ...filter, q })}
    >
      {check("dangling")}
      {check("unused")}
      {hosts && (
        <HostFilterSelect
          hosts={hosts}
          className={inputClass}
          value={filter.host}
          onChange={(host) => onChange({ ...filter, host })}
        />
      )}
    </SearchBar>
  );
});
