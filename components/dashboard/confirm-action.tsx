"use client";

import type { ReactNode } from "react";

import { ConfirmDialog } from "@/components/dashboard/confirm-dialog";
import { useConfirmedSubmit } from "@/components/dashboard/use-confirmed-submit";
import { useFormAction } from "@/components/dashboard/use-form-action";
import { Button, type ButtonProps } from "@/components/ui/button";
import { CONFIRM_FORMS, type ConfirmFormName } from "@/lib/dashboard/forms";
import type { ActionState } from "@/lib/forms/action-state";

type Props = {
  action: (p: ActionState, fd: FormData) => Promise<ActionState>;
  /** The shared zod schema, by name: the browser checks the fields before asking. */
  form: ConfirmFormName;
  fields?: Record<string, string>;
  /** Visible inputs (e.g. a plan select) placed before the button. */
  children?: ReactNode;
  label: string;
  title: string;
  description: string;
  confirmLabel?: string;
  destructive?: boolean;
  size?: ButtonProps["size"];
  variant?: ButtonProps["variant"];
};

/** A one-button change (approve, revoke, suspend, change plan) that asks before it acts. */
export function ConfirmAction({
  action,
  form,
  fields = {},
  children,
  label,
  title,
  description,
  confirmLabel,
  destructive,
  size = "sm",
  variant,
}: Props) {
  const { formAction, pending, validate } = useFormAction(action, CONFIRM_FORMS[form]);
  const { formRef, onSubmit, dialog } = useConfirmedSubmit((fd) => (validate(fd) ? description : null));
  return (
    <form ref={formRef} action={formAction} className="flex flex-wrap items-end gap-2" onSubmit={onSubmit}>
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} defaultValue={v} />
      ))}
      {children}
      <Button
        type="submit"
        size={size}
        variant={variant ?? (destructive ? "destructive" : "outline")}
        disabled={pending}
      >
        {pending ? "Working…" : label}
      </Button>
      <ConfirmDialog
        state={dialog}
        title={title}
        confirmLabel={confirmLabel ?? label}
        destructive={destructive}
      />
    </form>
  );
}
