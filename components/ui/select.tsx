import * as React from "react";

import { cn } from "@/components/ui/cn";

/** A native select (keyboard and screen-reader behaviour of the platform), styled like Input. */
export function Select({ className, ...props }: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cn(
        "flex h-9 w-full rounded-md border border-border bg-background px-2 py-1 text-sm shadow-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none aria-[invalid=true]:border-red-600",
        className,
      )}
      {...props}
    />
  );
}
