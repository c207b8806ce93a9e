"use client";
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
  const check = (key: "dangling" | "unused", label: string, hint: string) => (
    <label className="flex items-center gap-1 whitespace-nowrap" title={hint}>
      <input
        type="checkbox"
        checked={!!filter[key]}
        onChange={(e) => onChange({ ...filter, [key]: e.target.checked || undefined })}
      />
      {label}
    </label>
  );
  return (
    <SearchBar
      ref={searchRef}
      label="Filter images"
      placeholder="Filter by tag, digest or id  ( / )"
      className={`${inputClass} w-64`}
      value={filter.q ?? ""}
      onValue={(q) => onChange({ ...filter, q })}
    >
      {check("dangling", "dangling", "Images without a tag, usually left behind by rebuilds")}
      {check("unused", "unused", "Images no container uses, running or stopped")}
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
