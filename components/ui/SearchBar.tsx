"use client";
import { forwardRef, type ReactNode } from "react";

/** A list's filter row: the search box ("/" focuses it through the ref), then the list's own filters. */
export const SearchBar = forwardRef<
  HTMLInputElement,
  {
    label: string;
    placeholder: string;
    className: string;
    value: string;
    onValue: (value: string) => void;
    children: ReactNode;
  }
>(function SearchBar({ label, placeholder, className, value, onValue, children }, ref) {
  return (
    <div className="flex flex-wrap items-center gap-2" role="search">
      <input
        ref={ref}
        aria-label={label}
        placeholder={placeholder}
        className={className}
        value={value}
        onChange={(e) => onValue(e.target.value)}
      />
      {children}
    </div>
  );
});
