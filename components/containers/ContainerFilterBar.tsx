"use client";
import { useTranslations } from "next-intl";
import { forwardRef } from "react";
import { HostFilterSelect } from "@/components/hosts/HostFilterSelect";
import { SearchBar } from "@/components/ui/SearchBar";
import type { ContainerFilter } from "@/lib/container-filter";
import { CONTAINER_STATES, type ContainerState, type HostSummary } from "@/lib/types";

const input = "rounded border border-line bg-bg px-2 py-1";

export const ContainerFilterBar = forwardRef<
  HTMLInputElement,
  { filter: ContainerFilter; onChange: (f: ContainerFilter) => void; hosts?: HostSummary[] }
>(function ContainerFilterBar({ filter, onChange, hosts }, searchRef) {
  const t = useTranslations("containers.filter");
  return (
    <SearchBar
      ref={searchRef}
      label={t("name")}
      placeholder={t("namePlaceholder")}
      className={`${input} w-64`}
      value={filter.name ?? ""}
      onValue={(name) => onChange({ ...filter, name })}
    >
      <select
        aria-label={t("state")}
        className={input}
        value={filter.state?.[0] ?? ""}
        onChange={(e) =>
          onChange({ ...filter, state: e.target.value ? [e.target.value as ContainerState] : undefined })
        }
      >
        <option value="">{t("anyState")}</option>
        {CONTAINER_STATES.map((s) => (
          <option key={s} value={s}>
            {t(`states.${s}`)}
          </option>
        ))}
      </select>
      <input
        aria-label={t("label")}
        placeholder={t("labelPlaceholder")}
        className={`${input} w-52`}
        value={filter.label?.join(",") ?? ""}
        onChange={(e) =>
          onChange({
            ...filter,
            label: e.target.value
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
          })
        }
      />
      {hosts && (
        <HostFilterSelect
          hosts={hosts}
          className={input}
          value={filter.host?.[0]}
          onChange={(id) => onChange({ ...filter, host: id ? [id] : undefined })}
        />
      )}
    </SearchBar>
  );
});
