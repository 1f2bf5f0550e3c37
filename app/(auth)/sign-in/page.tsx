import { Gauge } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardContent } from "@/components/ui/card";
import { landingPath } from "@/lib/web/landing-path";
import { getSessionUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Sign in" };

// /sign-in – email and password; a signed-in user goes straight to their area.
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  const user = await getSessionUser();
  if (user) redirect(landingPath(user.role, callbackUrl));
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/60 p-4">
      <div className="flex w-full max-w-sm flex-col gap-6">
        <div className="flex items-center gap-2 text-lg font-semibold">
          <Gauge aria-hidden className="size-6 text-primary" /> Tollgate
        </div>
        <Card>
          <CardContent className="flex flex-col gap-4 p-6">
            <div>
              <h1 className="text-xl font-semibold">Sign in</h1>
              <p className="text-sm text-muted-foreground">Admins and tenants sign in here.</p>
            </div>
            <SignInForm callbackUrl={callbackUrl} />
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
