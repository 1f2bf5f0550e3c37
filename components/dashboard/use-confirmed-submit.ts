"use client";

import { useRef, useState, type FormEvent } from "react";

/** What the confirm dialog of a form needs (see ConfirmDialog). */
export type ConfirmState = {
  open: boolean;
  message: string;
  onOpenChange(open: boolean): void;
  onConfirm(): void;
};

/**
 * A form that asks before it acts: its first submit is stopped and `ask` decides, from the form's
 * fields, what to ask (null: nothing to ask, e.g. a field is invalid and says so); confirming
 * submits the same form again, and that submit goes through to the server action.
 */
export function useConfirmedSubmit(ask: (fd: FormData) => string | null) {
  const formRef = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    if (confirmed.current) {
      confirmed.current = false;
      return;
    }
    e.preventDefault();
    setMessage(ask(new FormData(e.currentTarget)));
  };
  const dialog: ConfirmState = {
    open: message !== null,
    message: message ?? "",
    onOpenChange: (open) => {
      if (!open) setMessage(null);
    },
    onConfirm: () => {
      confirmed.current = true;
      formRef.current?.requestSubmit();
    },
  };
  return { formRef, onSubmit, dialog };
}
