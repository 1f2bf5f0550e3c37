import { ShieldX } from "lucide-react";
import Link from "next/link";

import { Button } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <ShieldX aria-hidden className="size-10 text-red-600" />
      <h1 className="text-xl font-semibold">403 — You do not have access to this page</h1>
      <p className="text-sm text-muted-foreground">
        This page is for another role. If you think you should see it, ask an administrator.
      </p>
      <Button asChild variant="outline">
        <Link href="/" prefetch={false}>
          Go to your dashboard
        </Link>
      </Button>
    </main>
  );
}
