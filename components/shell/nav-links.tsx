"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/components/ui/cn";

export type NavItem = { href: string; label: string };

/** Section links; vertical in the sidebar, a scrollable row on narrow screens. */
export function NavLinks({
  items,
  orientation,
}: {
  items: NavItem[];
  orientation: "vertical" | "horizontal";
}) {
  const pathname = usePathname();
  const isActive = (href: string) =>
    pathname === href || (href !== items[0]?.href && pathname.startsWith(`${href}/`));
  return (
    <nav
      aria-label="Sections"
      className={cn(orientation === "vertical" ? "flex flex-col gap-0.5" : "flex gap-1 overflow-x-auto")}
    >
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={isActive(item.href) ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 text-sm whitespace-nowrap text-muted-foreground hover:bg-muted hover:text-foreground",
            isActive(item.href) && "bg-muted font-medium text-foreground",
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
