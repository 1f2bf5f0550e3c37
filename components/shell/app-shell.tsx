import { Gauge } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Badge } from "@/components/ui/badge";

const ROLE_LABEL = { ADMIN: "Admin", TENANT_OWNER: "Owner", TENANT_MEMBER: "Member" } as const;

type Props = {
  area: string;
  home: string;
  nav: NavItem[];
  user: { name: string; email: string; role: keyof typeof ROLE_LABEL };
  context?: string;
  /** A top-bar control beside the user, e.g. the admins' tenant search. */
  search?: ReactNode;
  children: ReactNode;
};

/** One layout per area: a sidebar of sections and a top bar with the signed-in user. */
export function AppShell({ area, home, nav, user, context, search, children }: Props) {
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 shrink-0 flex-col gap-6 border-r border-border bg-muted/40 p-4 md:flex">
        <Link href={home} className="flex items-center gap-2 px-3 font-semibold">
          <Gauge aria-hidden className="size-5 text-primary" /> Tollgate
        </Link>
        <NavLinks items={nav} orientation="vertical" />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex flex-col gap-2 border-b border-border px-4 py-2 md:px-6">
          <div className="flex items-center justify-between gap-3">
            <div className="flex min-w-0 items-center gap-2 text-sm">
              <span className="font-semibold md:hidden">Tollgate</span>
              <span className="text-muted-foreground">{area}</span>
              {context ? <span className="truncate font-medium">· {context}</span> : null}
            </div>
            <div className="flex items-center gap-2 text-sm">
              {search ? <div className="hidden lg:block">{search}</div> : null}
              <span className="hidden text-right sm:block">
                <span className="block leading-tight font-medium">{user.name}</span>
                <span className="block text-xs text-muted-foreground">{user.email}</span>
              </span>
              <Badge tone="muted" data-testid="user-role">
                {ROLE_LABEL[user.role]}
              </Badge>
              <SignOutButton />
            </div>
          </div>
          <div className="md:hidden">
            <NavLinks items={nav} orientation="horizontal" />
          </div>
        </header>
        <main className="flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
