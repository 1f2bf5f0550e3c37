"use client";

import { useState } from "react";

import { ConfirmDialog } from "@/components/dashboard/confirm-dialog";
import { useConfirmedSubmit } from "@/components/dashboard/use-confirmed-submit";
import { useFormAction } from "@/components/dashboard/use-form-action";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { creditsForm } from "@/lib/dashboard/forms";
import type { ActionState } from "@/lib/forms/action-state";
import { dollarsToMicros } from "@/lib/forms/dollars";
import { formatMicros } from "@/lib/money/format";

/** Grant or deduct credits with a reason; confirmed in a dialog, idempotent per form instance. */
export function CreditsForm({
  action,
  tenantName,
}: {
  action: (p: ActionState, fd: FormData) => Promise<ActionState>;
  tenantName: string;
}) {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const { formAction, pending, errors, validate } = useFormAction(action, creditsForm, {
    // formRef (the confirmed form's, below) is read only once an answer arrives.
    onSuccess: () => {
      formRef.current?.reset();
      setKey(crypto.randomUUID());
    },
  });
  const { formRef, onSubmit, dialog } = useConfirmedSubmit((fd) => {
    if (!validate(fd)) return null;
    const micros = dollarsToMicros(String(fd.get("amount")))!;
    const deduct = fd.get("direction") === "deduct";
    return `${deduct ? "Deduct" : "Grant"} ${formatMicros(micros)} ${deduct ? "from" : "to"} ${tenantName}? The change is written to the ledger and the audit log.`;
  });
  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="grid gap-3 sm:grid-cols-[8rem_10rem_1fr_auto] sm:items-end"
      onSubmit={onSubmit}
    >
      <input type="hidden" name="idempotencyKey" value={key} />
      <div className="grid gap-1.5">
        <Label htmlFor="credits-direction">Action</Label>
        <Select id="credits-direction" name="direction" defaultValue="grant">
          <option value="grant">Grant</option>
          <option value="deduct">Deduct</option>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="credits-amount">Amount (USD)</Label>
        <Input
          id="credits-amount"
          name="amount"
          inputMode="decimal"
          placeholder="25.00"
          aria-invalid={!!errors?.amount}
          aria-describedby="credits-amount-error"
        />
        <FieldError id="credits-amount-error" errors={errors?.amount} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="credits-reason">Reason</Label>
        <Input
          id="credits-reason"
          name="reason"
          placeholder="Goodwill credit for the outage on…"
          aria-invalid={!!errors?.reason}
          aria-describedby="credits-reason-error"
        />
        <FieldError id="credits-reason-error" errors={errors?.reason} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Apply"}
      </Button>
      <ConfirmDialog state={dialog} title="Confirm credit change" confirmLabel="Confirm" />
    </form>
  );
}
