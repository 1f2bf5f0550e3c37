"use client";

import { Copy, KeyRound } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";

import { useFormAction } from "@/components/dashboard/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createKeyForm } from "@/lib/dashboard/forms";
import type { ActionState } from "@/lib/forms/action-state";

/** Creates a key in a dialog; the secret is shown once, in the answer, and never again. */
export function CreateKeyForm({
  action,
  allowApprovalChoice,
}: {
  action: (p: ActionState, fd: FormData) => Promise<ActionState>;
  allowApprovalChoice: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { formAction, pending, errors, validate } = useFormAction(action, createKeyForm, {
    onSuccess: (s) => {
      setSecret(s.secret ?? null);
      formRef.current?.reset();
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setSecret(null);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">
          <KeyRound aria-hidden className="size-4" /> Create key
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>{secret ? "Copy your new key now" : "Create an API key"}</DialogTitle>
        {secret ? (
          <>
            <DialogDescription>
              This is the only time the secret is shown. Store it in your secret manager; Tollgate keeps only
              its hash.
            </DialogDescription>
            <div className="flex items-center gap-2">
              <code
                data-testid="new-key-secret"
                className="min-w-0 flex-1 rounded-md border border-border bg-muted px-2 py-1.5 text-xs break-all"
              >
                {secret}
              </code>
              <Button
                size="sm"
                variant="outline"
                onClick={() =>
                  void navigator.clipboard?.writeText(secret).then(
                    () => toast.success("Copied"),
                    () => toast.error("Copy failed: select the text instead"),
                  )
                }
              >
                <Copy aria-hidden className="size-4" /> Copy
              </Button>
            </div>
            <Button
              onClick={() => {
                setOpen(false);
                setSecret(null);
              }}
            >
              Done
            </Button>
          </>
        ) : (
          <form
            ref={formRef}
            action={formAction}
            noValidate
            className="grid gap-3"
            onSubmit={(e) => {
              if (!validate(new FormData(e.currentTarget))) e.preventDefault();
            }}
          >
            <DialogDescription>
              The key can call the API as soon as it is created
              {allowApprovalChoice ? ", unless it needs approval" : ""}.
            </DialogDescription>
            <div className="grid gap-1.5">
              <Label htmlFor="key-name">Name</Label>
              <Input
                id="key-name"
                name="name"
                placeholder="production-backend"
                aria-invalid={!!errors?.name}
                aria-describedby="key-name-error"
              />
              <FieldError id="key-name-error" errors={errors?.name} />
            </div>
            {allowApprovalChoice ? (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="requireApproval" className="size-4" /> Needs approval before it
                works
              </label>
            ) : null}
            <Button type="submit" disabled={pending}>
              {pending ? "Creating…" : "Create key"}
            </Button>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
