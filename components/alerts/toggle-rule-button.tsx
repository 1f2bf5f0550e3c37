"use client";

import type { FormAction } from "@/components/alerts/types";
import { useFormAction } from "@/components/dashboard/use-form-action";
import { Button } from "@/components/ui/button";
import { enabledForm } from "@/lib/alerts/manage-forms";

/** Switches a rule on or off (no confirmation: it is undone the same way). */
export function ToggleRuleButton({
  action,
  id,
  enabled,
  name,
}: {
  action: FormAction;
  id: string;
  enabled: boolean;
  name: string;
}) {
  const { formAction, pending } = useFormAction(action, enabledForm);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" defaultValue={id} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} readOnly />
      <Button
        type="submit"
        size="sm"
        variant="outline"
        disabled={pending}
        aria-label={`${enabled ? "Disable" : "Enable"} ${name}`}
      >
        {pending ? "Working…" : enabled ? "Disable" : "Enable"}
      </Button>
    </form>
  );
}
