"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { toast } from "sonner";
import { fieldErrors, formObject, IDLE, type ActionState } from "@/lib/dashboard/forms";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/**
 * A form bound to a server action: validates with the shared zod schema in the browser first
 * (field errors without a round trip), then submits; the server parses again. Toasts the outcome.
 */
export function useFormAction(action: Action, schema: z.ZodType, opts: { onSuccess?: (s: ActionState) => void } = {}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | undefined>();
  const last = useRef(state);
  const onSuccess = useRef(opts.onSuccess);
  useEffect(() => {
    onSuccess.current = opts.onSuccess;
  });
  useEffect(() => {
    if (state === last.current) return;
    last.current = state;
    if (state.ok) {
      if (state.message) toast.success(state.message);
      onSuccess.current?.(state);
    } else if (state.message) toast.error(state.message);
  }, [state]);
  const validate = (fd: FormData) => {
    const parsed = schema.safeParse(formObject(fd));
    setClientErrors(parsed.success ? undefined : fieldErrors(parsed.error));
    return parsed.success;
  };
  return { state, formAction, pending, errors: clientErrors ?? (state.ok ? undefined : state.fieldErrors), validate };
}
