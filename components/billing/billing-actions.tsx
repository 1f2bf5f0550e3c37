"use client";

// The billing page's buttons. Each POSTs to a billing route and follows the URL it answers
// (Stripe Checkout or the Billing Portal); in the demo, "Simulate payment" posts a signed event to
// the app's own webhook and reloads the page to show the new balance.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";

import { Button, type ButtonProps } from "@/components/ui/button";

async function postJson(
  path: string,
  body?: unknown,
): Promise<{ ok: true; data: Record<string, string> } | { ok: false; message: string }> {
  const res = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  return res.ok
    ? { ok: true, data }
    : { ok: false, message: data.detail ?? data.title ?? `Failed (${res.status})` };
}

function ActionButton({ label, run, ...props }: ButtonProps & { label: string; run: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      {...props}
      disabled={busy || props.disabled}
      onClick={async () => {
        setBusy(true);
        try {
          await run();
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? "Working…" : label}
    </Button>
  );
}

/** Opens Stripe: Checkout for a top-up or a plan, or the Billing Portal. */
export function StripeButton({
  label,
  path,
  body,
  variant,
}: {
  label: string;
  path: "/api/billing/checkout" | "/api/billing/portal";
  body?: unknown;
  variant?: ButtonProps["variant"];
}) {
  return (
    <ActionButton
      label={label}
      variant={variant ?? "outline"}
      size="sm"
      run={async () => {
        const r = await postJson(path, body);
        if (r.ok) window.location.assign(r.data.url!);
        else toast.error(r.message);
      }}
    />
  );
}

/** Demo only: pays a top-up through the real webhook path with a signed, simulated event. */
export function SimulateButton({ amount, label }: { amount: string; label: string }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  return (
    <ActionButton
      label={label}
      variant="outline"
      size="sm"
      run={async () => {
        const r = await postJson("/api/billing/simulate", { amount });
        if (!r.ok) {
          toast.error(r.message);
          return;
        }
        toast.success(`Payment simulated (${r.data.eventId})`);
        startTransition(() => router.refresh());
      }}
    />
  );
}
