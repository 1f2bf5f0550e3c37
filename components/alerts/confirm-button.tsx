"use client";

import type { FormAction } from "@/components/alerts/types";
import { ConfirmDialog } from "@/components/dashboard/confirm-dialog";
import { useConfirmedSubmit } from "@/components/dashboard/use-confirmed-submit";
import { useFormAction } from "@/components/dashboard/use-form-action";
import { Button, type ButtonProps } from "@/components/ui/button";
import { idForm } from "@/lib/alerts/manage-forms";

type Props = {
  action: FormAction;
  id: string;
  label: string;
  title: string;
  description: string;
  destructive?: boolean;
  variant?: ButtonProps["variant"];
};

/** A one-button change on one row (delete, retry) that asks before it acts. */
export function ConfirmButton({ action, id, label, title, description, destructive, variant }: Props) {
  const { formAction, pending } = useFormAction(action, idForm);
  const { formRef, onSubmit, dialog } = useConfirmedSubmit(() => description);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit}>
      <input type="hidden" name="id" defaultValue={id} />
      <Button
        type="submit"
        size="sm"
        variant={variant ?? (destructive ? "destructive" : "outline")}
        disabled={pending}
      >
        {pending ? "Working…" : label}
      </Button>
      <ConfirmDialog state={dialog} title={title} confirmLabel={label} destructive={destructive} />
    </form>
  );
}
