import Link from "next/link";

import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-xl font-semibold">404 — Not found</h1>
      <p className="text-sm text-muted-foreground">There is nothing here, or it is not yours to see.</p>
      <Button asChild variant="outline">
        <Link href="/" prefetch={false}>
          Go to your dashboard
        </Link>
      </Button>
    </main>
  );
}
