import { ChevronRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ConfirmAction } from "@/components/dashboard/confirm-action";
import { CreditsForm } from "@/components/dashboard/credits-form";
import { DecisionsSection } from "@/components/dashboard/decisions-section";
import { ExportLinks } from "@/components/dashboard/export-links";
import { HealthBadge } from "@/components/dashboard/health-badge";
import { LiveTenantStanding } from "@/components/dashboard/live-tenant-standing";
import { QuotaBar } from "@/components/dashboard/quota-bar";
import { SimulateForm } from "@/components/dashboard/simulate-form";
import { UsageChart } from "@/components/dashboard/usage-chart";
import { Money } from "@/components/money";
import { PageHeader } from "@/components/page-header";
import { SubscriptionBadge } from "@/components/subscription-badge";
import { TenantStatusBadge } from "@/components/tenant-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { loadAdminTenant } from "@/lib/dashboard/load-tenant";
import { localDate } from "@/lib/time/tenant-calendar";
import { requireUser } from "@/lib/web/session";

import { changePlanAction, grantCreditsAction, setStatusAction, simulateAction } from "./actions";
import { AlertsSection, AuditSection, BillingSection, KeysSection, LedgerSection } from "./sections";

export const metadata: Metadata = { title: "Tenant" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// /admin/tenants/[id] – one tenant: why its calls pass or fail, its money, keys and history.
export default async function TenantPage({ params, searchParams }: Props) {
  await requireUser({ area: "admin" });
  const { id } = await params;
  const now = new Date();
  const page = await loadAdminTenant(id, now, await searchParams);
  if (!page) notFound();
  const { detail, standing, plans, models, usage, decisions } = page;
  const { tenant } = detail;
  const { state, health, summary } = standing;
  const sub = tenant.subscriptions[0];
  const suspended = tenant.status === "SUSPENDED";

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 flex items-center gap-1 text-xs text-muted-foreground">
        <Link href="/admin/tenants" className="hover:underline">
          Tenants
        </Link>
        <ChevronRight aria-hidden className="size-3" />
        <span aria-current="page">{tenant.name}</span>
      </nav>
      <PageHeader
        title={tenant.name}
        description={`${tenant.slug} · ${tenant.timeZone} · ${tenant.plan.name} plan`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <HealthBadge level={health.level} />
            <span className="flex items-center gap-1 text-xs text-muted-foreground">
              Account <TenantStatusBadge status={tenant.status} />
            </span>
            <span className="flex items-center gap-1 text-xs text-muted-foreground">
              Subscription <SubscriptionBadge status={sub?.status} />
            </span>
            {tenant.flaggedForReview ? (
              <Badge tone="warn" title={tenant.flagReason ?? undefined}>
                Flagged
              </Badge>
            ) : null}
          </div>
        }
      />
      <LiveTenantStanding initial={summary}>
        <Card>
          <CardHeader>
            <CardTitle>Quota this month</CardTitle>
          </CardHeader>
          <CardContent>
            <QuotaBar used={state.quotaUsed} limit={tenant.plan.monthlyTokenQuota} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Plan</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2">
            <p className="text-lg font-semibold">
              {tenant.plan.name}{" "}
              <span className="text-xs font-normal text-muted-foreground">
                <Money micros={tenant.plan.monthlyPrice} />
                /month
              </span>
            </p>
            <ConfirmAction
              action={changePlanAction.bind(null, tenant.id)}
              form="plan"
              label="Change plan"
              title="Change plan"
              description={`Move ${tenant.name} to the chosen plan? Quota, models and limits change at once.`}
            >
              <div className="grid gap-1">
                <Label htmlFor="plan-key" className="sr-only">
                  New plan
                </Label>
                {/* Keyed by the plan: React resets the form after the action, and an uncontrolled select
                    would go back to the plan it first rendered rather than the new one. */}
                <Select
                  key={tenant.plan.key}
                  id="plan-key"
                  name="planKey"
                  defaultValue={tenant.plan.key}
                  className="h-8 w-36"
                >
                  {plans.map((p) => (
                    <option key={p.key} value={p.key}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </div>
            </ConfirmAction>
          </CardContent>
        </Card>
      </LiveTenantStanding>

      <div className="mb-6 flex flex-wrap items-center justify-between gap-2">
        <ConfirmAction
          action={setStatusAction.bind(null, tenant.id)}
          form="status"
          fields={{ status: suspended ? "ACTIVE" : "SUSPENDED" }}
          label={suspended ? "Resume tenant" : "Suspend tenant"}
          destructive={!suspended}
          title={suspended ? `Resume ${tenant.name}?` : `Suspend ${tenant.name}?`}
          description={
            suspended
              ? "Its calls are judged normally again at once."
              : "Every call of this tenant is refused with tenant_suspended until it is resumed."
          }
        />
        <ExportLinks tenantId={tenant.id} today={localDate(now, tenant.timeZone)} />
      </div>

      <Section id="usage" title="Usage">
        <Card>
          <CardContent className="pt-4">
            <UsageChart {...usage} />
          </CardContent>
        </Card>
      </Section>

      <Section
        id="simulate"
        title="Simulate a call"
        description="decide() on the live snapshot: the exact answer POST /api/v1/authorize would give now. Nothing is reserved or recorded; the rate limiter is not counted."
      >
        <Card>
          <CardContent className="pt-4">
            <SimulateForm
              action={simulateAction.bind(null, tenant.id)}
              keys={tenant.apiKeys.map((k) => ({
                id: k.id,
                label: `${k.name} (${k.prefix}…, ${k.status.toLowerCase().replace("_", " ")})`,
              }))}
              models={models}
              defaultModel={health.probe.model}
            />
          </CardContent>
        </Card>
      </Section>

      <Section
        id="credits"
        title="Credits"
        description="Grants add credits; deductions never take the balance below zero. Both are written to the ledger and the audit log."
      >
        <Card>
          <CardContent className="grid gap-4 pt-4">
            <CreditsForm action={grantCreditsAction.bind(null, tenant.id)} tenantName={tenant.name} />
            <LedgerSection entries={detail.ledger} timeZone={tenant.timeZone} />
          </CardContent>
        </Card>
      </Section>

      <Section id="keys" title="API keys">
        <KeysSection tenantId={tenant.id} keys={tenant.apiKeys} timeZone={tenant.timeZone} />
      </Section>
      <Section id="billing" title="Subscription, cards and invoices">
        <BillingSection tenant={tenant} now={now} />
      </Section>
      <Section id="decisions" title="Decision log">
        <DecisionsSection {...decisions} />
      </Section>
      <Section id="alerts" title="Alert rules and events">
        <AlertsSection rules={detail.alertRules} events={detail.alertEvents} timeZone={tenant.timeZone} />
      </Section>
      <Section id="audit" title="Audit trail">
        <AuditSection entries={detail.audit} timeZone={tenant.timeZone} />
      </Section>
    </>
  );
}

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-8 scroll-mt-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {description ? (
        <p className="mb-3 text-sm text-muted-foreground">{description}</p>
      ) : (
        <div className="mb-3" />
      )}
      {children}
    </section>
  );
}
