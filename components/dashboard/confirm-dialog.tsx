"use client";

import type { ConfirmState } from "@/components/dashboard/use-confirmed-submit";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";

/** The question a confirmed form asks (useConfirmedSubmit), with Cancel and the confirming action. */
export function ConfirmDialog({
  state,
  title,
  confirmLabel,
  destructive,
}: {
  state: ConfirmState;
  title: string;
  confirmLabel: string;
  destructive?: boolean;
}) {
  return (
    <AlertDialog open={state.open} onOpenChange={state.onOpenChange}>
      <AlertDialogContent>
        <AlertDialogTitle>{title}</AlertDialogTitle>
        <AlertDialogDescription>{state.message}</AlertDialogDescription>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction destructive={destructive} onClick={state.onConfirm}>
            {confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
