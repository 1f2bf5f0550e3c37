"use client";

import { AlertTriangle } from "lucide-react";

import { Button } from "@/components/ui/button";

/** The body of every error.tsx: a readable message and a retry, never a stack trace. */
export function ErrorPanel({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-col items-start gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900"
    >
      <div className="flex items-center gap-2 font-medium">
        <AlertTriangle aria-hidden className="size-4" /> This page could not be loaded.
      </div>
      <p>Try again in a moment. {error.digest ? `Reference: ${error.digest}` : null}</p>
      <Button size="sm" variant="outline" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
