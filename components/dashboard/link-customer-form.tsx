"use client";

import { useState } from "react";

import { ConfirmDialog } from "@/components/dashboard/confirm-dialog";
import { useConfirmedSubmit } from "@/components/dashboard/use-confirmed-submit";
import { useFormAction } from "@/components/dashboard/use-form-action";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { linkCustomerForm } from "@/lib/billing/forms";
import type { ActionState } from "@/lib/forms/action-state";

type Props = {
  action: (p: ActionState, fd: FormData) => Promise<ActionState>;
  customerId: string;
  eventCount: number;
  /** Tenants without a Stripe customer yet, offered as suggestions; any slug may be typed. */
  tenants: Array<{ slug: string; name: string }>;
};

/** "Link to tenant" for one unmatched Stripe customer: a tenant slug, confirmed in a dialog. */
export function LinkCustomerForm({ action, customerId, eventCount, tenants }: Props) {
  const { state, formAction, pending, errors: answered, validate } = useFormAction(action, linkCustomerForm);
  // The server's field error is about the slug it was sent: once the field is edited, it no longer applies.
  const [editedSince, setEditedSince] = useState<ActionState | null>(null);
  const errors = editedSince === state && answered === state.fieldErrors ? undefined : answered;
  const base = `link-${customerId}`;
  const { formRef, onSubmit, dialog } = useConfirmedSubmit((fd) => {
    if (!validate(fd)) return null;
    const slug = String(fd.get("tenantSlug")).trim();
    const name = tenants.find((t) => t.slug === slug)?.name;
    return `${customerId} will belong to ${name ? `${name} (${slug})` : `the tenant “${slug}”`}, and its ${eventCount} stored event${eventCount === 1 ? "" : "s"} will be applied to that tenant, oldest first. A link is not undone from here.`;
  });
  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="flex flex-wrap items-start gap-2"
      onSubmit={onSubmit}
    >
      <input type="hidden" name="customerId" value={customerId} />
      <div className="grid gap-1">
        <Label htmlFor={`${base}-tenant`} className="sr-only">
          Tenant slug for {customerId}
        </Label>
        <Input
          id={`${base}-tenant`}
          name="tenantSlug"
          list={`${base}-tenants`}
          placeholder="tenant slug"
          className="w-48"
          autoComplete="off"
          onChange={() => setEditedSince(state)}
          aria-invalid={!!errors?.tenantSlug}
          aria-describedby={`${base}-tenant-error`}
        />
        <datalist id={`${base}-tenants`}>
          {tenants.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </datalist>
        <FieldError id={`${base}-tenant-error`} errors={errors?.tenantSlug} />
        <FieldError id={`${base}-customer-error`} errors={errors?.customerId} />
      </div>
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {pending ? "Linking…" : "Link to tenant"}
      </Button>
      <ConfirmDialog state={dialog} title={`Link ${customerId}?`} confirmLabel="Link and apply" />
    </form>
  );
}
