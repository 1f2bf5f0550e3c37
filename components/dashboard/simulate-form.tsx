"use client";

import { Play } from "lucide-react";
import { useActionState, useState } from "react";

import { OutcomeBadge } from "@/components/dashboard/outcome-badge";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { simulateSchema } from "@/lib/dashboard/forms";
import type { SimulateState } from "@/lib/dashboard/simulate";
import { fieldErrors, formObject } from "@/lib/forms/action-state";

type Props = {
  action: (p: SimulateState, fd: FormData) => Promise<SimulateState>;
  keys: Array<{ id: string; label: string }>;
  models: Array<{ id: string; displayName: string }>;
  defaultModel?: string;
};

/** Runs decide() on the tenant's live snapshot and shows the exact answer the API would give. */
export function SimulateForm({ action, keys, models, defaultModel }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>();
  const errors = clientErrors ?? state.fieldErrors;
  const r = state.result;
  const body = r?.body as
    { code?: string; title?: string; detail?: string; remedy?: { action: string; url: string } } | undefined;
  return (
    <div className="grid gap-4">
      <form
        action={formAction}
        noValidate
        className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end"
        onSubmit={(e) => {
          const parsed = simulateSchema.safeParse(formObject(new FormData(e.currentTarget)));
          setClientErrors(parsed.success ? undefined : fieldErrors(parsed.error));
          if (!parsed.success) e.preventDefault();
        }}
      >
        <div className="grid gap-1.5 sm:col-span-2 lg:col-span-1">
          <Label htmlFor="sim-key">API key</Label>
          <Select id="sim-key" name="keyId" defaultValue="">
            <option value="">Any key (no key limits)</option>
            {keys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="sim-model">Model</Label>
          <Select
            id="sim-model"
            name="model"
            defaultValue={defaultModel ?? models[0]?.id}
            aria-invalid={!!errors?.model}
            aria-describedby="sim-model-error"
          >
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id}
              </option>
            ))}
          </Select>
          <FieldError id="sim-model-error" errors={errors?.model} />
        </div>
        {(
          [
            ["inputTokens", "Input tokens", "1000"],
            ["maxOutputTokens", "Max output tokens", "500"],
            ["contextTokens", "Context tokens", ""],
          ] as const
        ).map(([name, label, def]) => (
          <div key={name} className="grid gap-1.5">
            <Label htmlFor={`sim-${name}`}>{label}</Label>
            <Input
              id={`sim-${name}`}
              name={name}
              inputMode="numeric"
              defaultValue={def}
              placeholder={name === "contextTokens" ? "= input" : undefined}
              aria-invalid={!!errors?.[name]}
              aria-describedby={`sim-${name}-error`}
            />
            <FieldError id={`sim-${name}-error`} errors={errors?.[name]} />
          </div>
        ))}
        <div className="grid gap-1.5">
          <Label htmlFor="sim-feature">Feature</Label>
          <Input id="sim-feature" name="feature" placeholder="chat" aria-invalid={!!errors?.feature} />
        </div>
        <Button type="submit" disabled={pending} className="sm:col-span-3 lg:col-span-6 lg:w-fit">
          <Play aria-hidden className="size-4" /> {pending ? "Simulating…" : "Simulate call"}
        </Button>
      </form>
      {state.message && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      {r ? (
        <div
          data-testid="simulate-result"
          aria-live="polite"
          className="grid gap-2 rounded-lg border border-border p-3"
        >
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <OutcomeBadge allowed={r.allowed} httpStatus={r.httpStatus}>
              HTTP {r.httpStatus} · {r.allowed ? "allowed" : body?.code}
            </OutcomeBadge>
            <span className="text-muted-foreground">via {r.keyLabel}</span>
          </div>
          {!r.allowed && body ? (
            <p className="text-sm">
              <span className="font-medium">{body.title}.</span> {body.detail}{" "}
              {body.remedy ? (
                <>
                  Remedy shown to the tenant: <code className="text-xs">{body.remedy.action}</code> →{" "}
                  <span className="text-xs break-all">{body.remedy.url}</span>
                </>
              ) : null}
            </p>
          ) : null}
          <details>
            <summary className="cursor-pointer text-xs text-muted-foreground">
              Response body (what POST /api/v1/authorize would answer; nothing was reserved)
            </summary>
            <pre className="mt-2 max-h-72 overflow-auto rounded bg-muted p-2 text-xs">
              {JSON.stringify(r.body, null, 2)}
            </pre>
          </details>
        </div>
      ) : null}
    </div>
  );
}
