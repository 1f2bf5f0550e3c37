import { AlertTriangle, Ban, CheckCircle2 } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Banner } from "@/lib/tenants/tenant-health";

const STYLE = {
  ok: { box: "border-emerald-200 bg-emerald-50 text-emerald-900", Icon: CheckCircle2 },
  warn: { box: "border-amber-200 bg-amber-50 text-amber-900", Icon: AlertTriangle },
  refusing: { box: "border-red-200 bg-red-50 text-red-900", Icon: Ban },
} as const;

/** Whether calls go through right now (decide()'s answer), why not, and the one action that fixes it. */
export function HealthBanner({ banner, actionOverride }: { banner: Banner; actionOverride?: ReactNode }) {
  const { box, Icon } = STYLE[banner.level];
  return (
    <div
      role="status"
      data-testid="health-banner"
      data-level={banner.level}
      className={cn(
        "mb-6 flex flex-col gap-3 rounded-lg border p-4 sm:flex-row sm:items-center sm:justify-between",
        box,
      )}
    >
      <div className="flex gap-3">
        <Icon aria-hidden className="mt-0.5 size-5 shrink-0" />
        <div>
          <p className="font-medium">{banner.title}</p>
          <p className="text-sm">{banner.detail}</p>
        </div>
      </div>
      {actionOverride ??
        (banner.action ? (
          <Link
            href={banner.action.href}
            className={cn(
              buttonVariants({ size: "sm", variant: banner.level === "refusing" ? "default" : "outline" }),
              "shrink-0",
            )}
          >
            {banner.action.label}
          </Link>
        ) : null)}
    </div>
  );
}
