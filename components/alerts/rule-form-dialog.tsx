"use client";

import { Plus } from "lucide-react";
import { useRef, useState } from "react";

import type { FormAction } from "@/components/alerts/types";
import { useFormAction } from "@/components/dashboard/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { ALERT_KINDS, ALL_ALERT_KINDS } from "@/lib/alerts/kinds";
import { ruleForm } from "@/lib/alerts/manage-forms";
import { kindTakesThreshold } from "@/lib/alerts/settings";
import type { AlertRuleKind } from "@/lib/generated/prisma/enums";

export type RuleDefaults = {
  id: string;
  kind: AlertRuleKind;
  name: string;
  threshold: string;
  resolveMarginPct: number;
  windowMinutes: number | null;
  refusalCode: string | null;
  channelIds: string[];
};
type Props = {
  action: FormAction;
  channels: Array<{ id: string; name: string }>;
  refusalCodes: string[];
  rule?: RuleDefaults;
};

const THRESHOLD_LABEL: Record<AlertRuleKind, string> = {
  BALANCE_BELOW: "Fire when the balance is below (USD)",
  BALANCE_BELOW_TOPUP_PCT: "Fire below this % of the last top-up",
  DAYS_LEFT_BELOW: "Fire below this many days of credit left",
  QUOTA_USED_PCT: "Fire at or above this % of the monthly quota",
  CARD_EXPIRING: "Fire this many days before the card expires",
  CARD_EXPIRED: "",
  SUBSCRIPTION_PAST_DUE: "",
  GRACE_ENDING: "Fire this many hours before the grace period ends",
  REFUSALS: "Fire at this many refused calls",
};

/** Adds a rule, or edits one (its kind is then fixed). The server parses the same schema again. */
export function RuleFormDialog({ action, channels, refusalCodes, rule }: Props) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<AlertRuleKind>(rule?.kind ?? "BALANCE_BELOW");
  const formRef = useRef<HTMLFormElement>(null);
  const { formAction, pending, errors, validate } = useFormAction(action, ruleForm, {
    onSuccess: () => setOpen(false),
  });
  const p = rule ? `rule-${rule.id}` : "new-rule";
  const field = (name: string) => ({
    id: `${p}-${name}`,
    name,
    "aria-invalid": !!errors?.[name],
    "aria-describedby": `${p}-${name}-error`,
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {rule ? (
          <Button size="sm" variant="outline" aria-label={`Edit ${rule.name}`}>
            Edit
          </Button>
        ) : (
          <Button size="sm">
            <Plus aria-hidden className="size-4" /> Add rule
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <DialogTitle>{rule ? `Edit ${rule.name}` : "Add an alert rule"}</DialogTitle>
        <DialogDescription>
          Tollgate notifies the chosen channels once when the rule fires and once when it resolves past the
          margin.
        </DialogDescription>
        <form
          ref={formRef}
          action={formAction}
          noValidate
          className="grid gap-3"
          onSubmit={(e) => {
            if (!validate(new FormData(e.currentTarget))) e.preventDefault();
          }}
        >
          {rule ? <input type="hidden" name="id" defaultValue={rule.id} /> : null}
          <div className="grid gap-1.5">
            <Label htmlFor={`${p}-kind`}>What to watch</Label>
            {rule ? <input type="hidden" name="kind" value={kind} readOnly /> : null}
            <Select
              {...field("kind")}
              name={rule ? undefined : "kind"}
              value={kind}
              disabled={!!rule}
              onChange={(e) => setKind(e.target.value as AlertRuleKind)}
            >
              {ALL_ALERT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ALERT_KINDS[k].label}
                </option>
              ))}
            </Select>
            <FieldError id={`${p}-kind-error`} errors={errors?.kind} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${p}-name`}>
              Name <span className="text-muted-foreground">(optional)</span>
            </Label>
            <Input
              {...field("name")}
              defaultValue={rule?.name}
              placeholder="Named after the condition if empty"
            />
            <FieldError id={`${p}-name-error`} errors={errors?.name} />
          </div>
          {kindTakesThreshold(kind) ? (
            <div className="grid gap-1.5">
              <Label htmlFor={`${p}-threshold`}>{THRESHOLD_LABEL[kind]}</Label>
              <Input
                {...field("threshold")}
                inputMode="decimal"
                defaultValue={rule?.threshold}
                placeholder={kind === "BALANCE_BELOW" ? "10.00" : "80"}
              />
              <FieldError id={`${p}-threshold-error`} errors={errors?.threshold} />
            </div>
          ) : null}
          {kind === "REFUSALS" ? (
            <div className="grid gap-3 sm:grid-cols-2">
              <div className="grid gap-1.5">
                <Label htmlFor={`${p}-windowMinutes`}>Within (minutes)</Label>
                <Input
                  {...field("windowMinutes")}
                  inputMode="numeric"
                  defaultValue={rule?.windowMinutes ?? 15}
                />
                <FieldError id={`${p}-windowMinutes-error`} errors={errors?.windowMinutes} />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor={`${p}-refusalCode`}>Refusal code</Label>
                <Select {...field("refusalCode")} defaultValue={rule?.refusalCode ?? ""}>
                  <option value="">Any code</option>
                  {refusalCodes.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </Select>
                <FieldError id={`${p}-refusalCode-error`} errors={errors?.refusalCode} />
              </div>
            </div>
          ) : null}
          <div className="grid gap-1.5">
            <Label htmlFor={`${p}-resolveMarginPct`}>Resolve margin (%)</Label>
            <Input
              {...field("resolveMarginPct")}
              inputMode="numeric"
              defaultValue={rule?.resolveMarginPct ?? 20}
            />
            <p className="text-xs text-muted-foreground">
              Resolves only this far past the threshold, so a value wobbling at the line does not send a
              storm.
            </p>
            <FieldError id={`${p}-resolveMarginPct-error`} errors={errors?.resolveMarginPct} />
          </div>
          <fieldset className="grid gap-1.5">
            <legend className="mb-1 text-sm font-medium">Notify</legend>
            {channels.length === 0 ? (
              <p className="text-xs text-muted-foreground">
                No channels yet: the rule still shows its state here. Add a channel below to be notified.
              </p>
            ) : null}
            {channels.map((c) => (
              <label key={c.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="channelIds"
                  value={c.id}
                  defaultChecked={rule?.channelIds.includes(c.id)}
                  className="size-4"
                />{" "}
                {c.name}
              </label>
            ))}
            <FieldError id={`${p}-channelIds-error`} errors={errors?.channelIds} />
          </fieldset>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : rule ? "Save rule" : "Add rule"}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
