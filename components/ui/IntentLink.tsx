"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string };

/**
 * A link that prefetches its page when the pointer, a touch or the keyboard focus reaches it, not
 * when it scrolls into view. Next prefetches every static page a visible link names, JavaScript
 * included, so the sidebar alone made each first load fetch the code of a dozen other pages (all
 * the admin panels among them).
 */
export function IntentLink({ href, onMouseEnter, onTouchStart, onFocus, ...rest }: Props) {
  const router = useRouter();
  return (
    <Link
      {...rest}
      href={href}
      prefetch={false}
      onMouseEnter={(e) => {
        router.prefetch(href);
        onMouseEnter?.(e);
      }}
      onTouchStart={(e) => {
        router.prefetch(href);
        onTouchStart?.(e);
      }}
      onFocus={(e) => {
        router.prefetch(href);
        onFocus?.(e);
      }}
    />
  );
}
