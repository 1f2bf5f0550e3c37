"use client";

import { Plus } from "lucide-react";
import { useState } from "react";

import { useFormAction } from "@/components/dashboard/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { addModelForm } from "@/lib/catalog/forms";
import type { ActionState } from "@/lib/forms/action-state";

type Field = {
  name: string;
  label: string;
  hint?: string;
  placeholder?: string;
  mode?: "decimal" | "numeric";
};
const FIELDS: Field[] = [
  { name: "id", label: "Model id", hint: "(as clients send it)", placeholder: "anthropic/claude-3.5" },
  { name: "displayName", label: "Name", placeholder: "Claude 3.5" },
  { name: "provider", label: "Provider", placeholder: "anthropic" },
  { name: "contextWindow", label: "Context window", hint: "(tokens, optional)", mode: "numeric" },
  {
    name: "maxOutputTokens",
    label: "Max output",
    hint: "(tokens: reserved when a call sends none)",
    mode: "numeric",
  },
  { name: "inputPrice", label: "Input (USD / 1M tokens)", placeholder: "3.00", mode: "decimal" },
  { name: "outputPrice", label: "Output (USD / 1M tokens)", placeholder: "15.00", mode: "decimal" },
  { name: "cachedInputPrice", label: "Cached input (USD / 1M)", hint: "(empty: input)", mode: "decimal" },
  { name: "requestPrice", label: "Per call (USD)", hint: "(empty: none)", mode: "decimal" },
];

/** Adds a model to the catalog with its first price, in force from now. */
export function AddModelDialog({
  action,
}: {
  action: (p: ActionState, fd: FormData) => Promise<ActionState>;
}) {
  const [open, setOpen] = useState(false);
  const { formAction, pending, errors, validate } = useFormAction(action, addModelForm, {
    onSuccess: () => setOpen(false),
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">
          <Plus aria-hidden className="size-4" /> Add model
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <DialogTitle>Add a model</DialogTitle>
        <DialogDescription>
          Authorize reserves and usage is charged at these prices from now on. Prices in dollars per million
          tokens.
        </DialogDescription>
        <form
          action={formAction}
          noValidate
          className="grid gap-3 sm:grid-cols-2"
          onSubmit={(e) => {
            if (!validate(new FormData(e.currentTarget))) e.preventDefault();
          }}
        >
          {FIELDS.map((f) => (
            <div key={f.name} className="grid gap-1.5">
              <Label htmlFor={`new-model-${f.name}`}>
                {f.label} {f.hint ? <span className="text-muted-foreground">{f.hint}</span> : null}
              </Label>
              <Input
                id={`new-model-${f.name}`}
                name={f.name}
                placeholder={f.placeholder}
                inputMode={f.mode}
                aria-invalid={!!errors?.[f.name]}
                aria-describedby={`new-model-${f.name}-error`}
              />
              <FieldError id={`new-model-${f.name}-error`} errors={errors?.[f.name]} />
            </div>
          ))}
          <Button type="submit" disabled={pending} className="justify-self-end sm:col-span-2">
            {pending ? "Adding…" : "Add model"}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
