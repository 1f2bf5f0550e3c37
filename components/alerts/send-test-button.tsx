"use client";

import { Send } from "lucide-react";
import { useActionState } from "react";

import type { FormAction } from "@/components/alerts/types";
import { Button } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/forms/action-state";

/** Delivers a sample at once and shows the answer beside the button (status, latency, error). */
export function SendTestButton({ action, id, name }: { action: FormAction; id: string; name: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" defaultValue={id} />
      <Button
        type="submit"
        size="sm"
        variant="outline"
        disabled={pending}
        aria-label={`Send a test to ${name}`}
      >
        <Send aria-hidden className="size-3.5" /> {pending ? "Sending…" : "Send test"}
      </Button>
      <span
        role="status"
        data-testid="send-test-result"
        className={state.ok ? "text-xs text-emerald-700" : "text-xs text-red-700"}
      >
        {pending ? "" : (state.message ?? "")}
      </span>
    </form>
  );
}
