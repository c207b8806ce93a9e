"use client";
import { forwardRef } from "react";
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
    <div className="flex flex-wrap items-center gap-2" role="search">
      <input
        ref={searchRef}
        aria-label="Filter images"
        placeholder="Filter by tag, digest or id  ( / )"
        className={`${inputClass} w-64`}
        value={filter.q ?? ""}
        onChange={(e) => onChange({ ...filter, q: e.target.value })}
      />
      {check("dangling", "dangling", "Images without a tag, usually left behind by rebuilds")}
      {check("unused", "unused", "Images no container uses, running or stopped")}
      {hosts && (
        <select
          aria-label="Filter by host"
          className={inputClass}
          value={filter.host ?? ""}
          onChange={(e) => onChange({ ...filter, host: e.target.value || undefined })}
        >
          <option value="">all hosts</option>
          {hosts.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
});
