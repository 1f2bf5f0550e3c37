"use client";

import { Copy, Plus } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";

import type { FormAction } from "@/components/alerts/types";
import { useFormAction } from "@/components/dashboard/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { CHANNEL_LABELS, channelForm } from "@/lib/alerts/manage-forms";
import { CHANNEL_KINDS } from "@/lib/alerts/settings";
import type { ChannelKind } from "@/lib/generated/prisma/enums";

const TARGET: Record<ChannelKind, { label: string; placeholder: string; hint: string }> = {
  WEBHOOK: {
    label: "Endpoint URL",
    placeholder: "https://example.com/hooks/tollgate",
    hint: "JSON signed per Standard Webhooks; the signing secret is shown once after saving.",
  },
  SLACK: {
    label: "Slack incoming-webhook URL",
    placeholder: "https://hooks.slack.com/services/…",
    hint: "A message with the tenant, the numbers and a link.",
  },
  EMAIL: {
    label: "Email address",
    placeholder: "oncall@example.com",
    hint: "Sent through the server's SMTP settings.",
  },
  PAGERDUTY: {
    label: "Events API URL (optional)",
    placeholder: "https://events.pagerduty.com/v2/enqueue",
    hint: "Trigger and resolve with one dedup key per rule.",
  },
};

/** Adds a channel; a webhook's signing secret is shown in the answer, once, and never again. */
export function ChannelFormDialog({ action }: { action: FormAction }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ChannelKind>("WEBHOOK");
  const [secret, setSecret] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { formAction, pending, errors, validate } = useFormAction(action, channelForm, {
    onSuccess: (s) => {
      if (s.secret) setSecret(s.secret);
      else setOpen(false);
      formRef.current?.reset();
    },
  });
  const field = (name: string) => ({
    id: `channel-${name}`,
    name,
    "aria-invalid": !!errors?.[name],
    "aria-describedby": `channel-${name}-error`,
  });
  const close = () => {
    setOpen(false);
    setSecret(null);
  };
  return (
    <Dialog open={open} onOpenChange={(o) => (o ? setOpen(true) : close())}>
      <DialogTrigger asChild>
        <Button size="sm">
          <Plus aria-hidden className="size-4" /> Add channel
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <DialogTitle>{secret ? "Copy the signing secret now" : "Add a notification channel"}</DialogTitle>
        {secret ? (
          <>
            <DialogDescription>
              This is the only time the secret is shown. Verify each request&apos;s webhook-signature with it
              (Standard Webhooks).
            </DialogDescription>
            <div className="flex items-center gap-2">
              <code
                data-testid="channel-secret"
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
            <Button onClick={close}>Done</Button>
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
            <DialogDescription>Where Tollgate sends this tenant&apos;s alerts.</DialogDescription>
            <div className="grid gap-1.5">
              <Label htmlFor="channel-kind">Type</Label>
              <Select
                {...field("kind")}
                value={kind}
                onChange={(e) => setKind(e.target.value as ChannelKind)}
              >
                {CHANNEL_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {CHANNEL_LABELS[k]}
                  </option>
                ))}
              </Select>
              <FieldError id="channel-kind-error" errors={errors?.kind} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="channel-name">Name</Label>
              <Input {...field("name")} placeholder="On-call" />
              <FieldError id="channel-name-error" errors={errors?.name} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="channel-target">{TARGET[kind].label}</Label>
              <Input
                {...field("target")}
                type={kind === "EMAIL" ? "email" : "url"}
                placeholder={TARGET[kind].placeholder}
              />
              <p className="text-xs text-muted-foreground">{TARGET[kind].hint}</p>
              <FieldError id="channel-target-error" errors={errors?.target} />
            </div>
            {kind === "PAGERDUTY" ? (
              <div className="grid gap-1.5">
                <Label htmlFor="channel-routingKey">Routing key</Label>
                <Input
                  {...field("routingKey")}
                  autoComplete="off"
                  placeholder="32-character integration key"
                />
                <FieldError id="channel-routingKey-error" errors={errors?.routingKey} />
              </div>
            ) : null}
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="attachToAll" className="size-4" defaultChecked /> Notify it for
              every existing rule
            </label>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Add channel"}
            </Button>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
