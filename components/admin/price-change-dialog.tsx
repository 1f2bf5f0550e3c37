"use client";

import { useState } from "react";

import { ConfirmDialog } from "@/components/dashboard/confirm-dialog";
import { useConfirmedSubmit } from "@/components/dashboard/use-confirmed-submit";
import { useFormAction } from "@/components/dashboard/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { changePriceForm } from "@/lib/catalog/forms";
import { formObject, type ActionState } from "@/lib/forms/action-state";
import { microsToDollars } from "@/lib/forms/dollars";
import { formatPriceMicros } from "@/lib/money/format";

type Props = {
  action: (p: ActionState, fd: FormData) => Promise<ActionState>;
  model: { id: string; displayName: string };
  /** The price in force, as the fields' starting values. */
  current: { inputPrice: bigint; outputPrice: bigint; cachedInputPrice: bigint; requestPrice: bigint | null };
};

/**
 * A new price version for one model, in dollars per million tokens, from now or a later UTC
 * instant. Asks before saving, saying what changes for whom; the server parses the form again.
 */
export function PriceChangeDialog({ action, model, current }: Props) {
  const [open, setOpen] = useState(false);
  const { formAction, pending, errors, validate } = useFormAction(action, changePriceForm, {
    onSuccess: () => setOpen(false),
  });
  const { formRef, onSubmit, dialog } = useConfirmedSubmit((fd) => {
    if (!validate(fd)) return null;
    const c = changePriceForm.parse(formObject(fd));
    const prices = [
      `${formatPriceMicros(c.inputPrice)} input`,
      `${formatPriceMicros(c.cachedInputPrice ?? c.inputPrice)} cached input`,
      `${formatPriceMicros(c.outputPrice)} output per million tokens`,
      ...(c.requestPrice !== undefined ? [`${formatPriceMicros(c.requestPrice)} per call`] : []),
    ].join(", ");
    const from = c.effectiveFrom
      ? `from ${c.effectiveFrom.toISOString().replace("T", " ").slice(0, 16)} UTC`
      : "from now";
    return `Price ${model.displayName} at ${prices}, ${from}? Reservations already made keep their amount; usage from that instant on is charged the new price. The change is written to the audit log.`;
  });
  const p = `price-${model.id.replace(/[^A-Za-z0-9]/g, "-")}`;
  const field = (name: string) => ({
    id: `${p}-${name}`,
    name,
    "aria-invalid": !!errors?.[name],
    "aria-describedby": `${p}-${name}-error`,
  });
  const priceField = (name: string, label: string, value: bigint | null, hint?: string) => (
    <div className="grid gap-1.5">
      <Label htmlFor={`${p}-${name}`}>
        {label} {hint ? <span className="text-muted-foreground">{hint}</span> : null}
      </Label>
      <Input
        {...field(name)}
        inputMode="decimal"
        defaultValue={value === null ? "" : microsToDollars(value)}
      />
      <FieldError id={`${p}-${name}-error`} errors={errors?.[name]} />
    </div>
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={`Change the price of ${model.displayName}`}>
          Change price
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <DialogTitle>Change the price of {model.displayName}</DialogTitle>
        <DialogDescription>
          Dollars per million tokens. The new price is a new version: the old one stays in the history.
        </DialogDescription>
        <form ref={formRef} action={formAction} noValidate className="grid gap-3" onSubmit={onSubmit}>
          <input type="hidden" name="modelId" value={model.id} />
          <div className="grid gap-3 sm:grid-cols-2">
            {priceField("inputPrice", "Input (USD / 1M tokens)", current.inputPrice)}
            {priceField("outputPrice", "Output (USD / 1M tokens)", current.outputPrice)}
            {priceField(
              "cachedInputPrice",
              "Cached input (USD / 1M)",
              current.cachedInputPrice,
              "(empty: input)",
            )}
            {priceField("requestPrice", "Per call (USD)", current.requestPrice, "(empty: none)")}
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${p}-effectiveFrom`}>
              Effective from (UTC) <span className="text-muted-foreground">(empty: now)</span>
            </Label>
            <Input {...field("effectiveFrom")} type="datetime-local" />
            <FieldError id={`${p}-effectiveFrom-error`} errors={errors?.effectiveFrom} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${p}-note`}>
              Note <span className="text-muted-foreground">(optional)</span>
            </Label>
            <Input {...field("note")} placeholder="Provider price cut" />
            <FieldError id={`${p}-note-error`} errors={errors?.note} />
          </div>
          <Button type="submit" disabled={pending} className="justify-self-end">
            {pending ? "Saving…" : "Review change"}
          </Button>
          <ConfirmDialog state={dialog} title="Confirm price change" confirmLabel="Save price" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
