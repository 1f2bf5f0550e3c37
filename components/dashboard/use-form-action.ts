"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import type { z } from "zod";

import { fieldErrors, formObject, IDLE, type ActionState } from "@/lib/forms/action-state";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/**
 * A form bound to a server action: validates with the shared zod schema in the browser first
 * (field errors without a round trip), then submits; the server parses again. Toasts the outcome.
 */
export function useFormAction(
  action: Action,
  schema: z.ZodType,
  opts: { onSuccess?: (s: ActionState) => void } = {},
) {
  // Toasts when the answer arrives, not in an effect: a successful action often re-renders the page
  // without this form (an approved key loses its Approve button), and an unmounted form has no effects.
  const [state, formAction, pending] = useActionState(async (prev: ActionState, fd: FormData) => {
    const next = await action(prev, fd);
    if (next.ok && next.message) toast.success(next.message);
    else if (!next.ok && next.message) toast.error(next.message);
    return next;
  }, IDLE);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | undefined>();
  const last = useRef(state);
  const onSuccess = useRef(opts.onSuccess);
  useEffect(() => {
    onSuccess.current = opts.onSuccess;
  });
  useEffect(() => {
    if (state === last.current) return;
    last.current = state;
    if (state.ok) onSuccess.current?.(state);
  }, [state]);
  const validate = (fd: FormData) => {
    const parsed = schema.safeParse(formObject(fd));
    setClientErrors(parsed.success ? undefined : fieldErrors(parsed.error));
    return parsed.success;
  };
  return {
    state,
    formAction,
    pending,
    errors: clientErrors ?? (state.ok ? undefined : state.fieldErrors),
    validate,
  };
}
