"use client";
import { useRef, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogTitle } from "@/components/ui/alert-dialog";
import { useFormAction } from "@/components/dashboard/use-form-action";
import { idForm } from "@/lib/alerts/manage-forms";
import type { FormAction } from "@/components/alerts/types";

type Props = { action: FormAction; id: string; label: string; title: string; description: string; destructive?: boolean; variant?: ButtonProps["variant"] };

/** A one-button change on one row (delete, retry) that asks before it acts. */
export function ConfirmButton({ action, id, label, title, description, destructive, variant }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const confirmed = useRef(false);
  const { formAction, pending } = useFormAction(action, idForm);
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(e) => {
        if (confirmed.current) {
          confirmed.current = false;
          return;
        }
        e.preventDefault();
        setOpen(true);
      }}
    >
      <input type="hidden" name="id" defaultValue={id} />
      <Button type="submit" size="sm" variant={variant ?? (destructive ? "destructive" : "outline")} disabled={pending}>
        {pending ? "Working…" : label}
      </Button>
      <AlertDialog open={open} onOpenChange={setOpen}>
        <AlertDialogContent>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction destructive={destructive} onClick={() => { confirmed.current = true; formRef.current?.requestSubmit(); }}>{label}</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </form>
  );
}
