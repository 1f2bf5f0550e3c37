import type { Metadata } from "next";

import { KeysTable } from "@/components/dashboard/keys-table";
import { PageHeader } from "@/components/page-header";
import { prisma } from "@/lib/db";
import { tenantScope } from "@/lib/tenants/scope";
import { requireUser } from "@/lib/web/session";

import { createOwnKeyAction, revokeOwnKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

// /app/keys – the tenant's API keys: the owner creates and revokes, members see them.
export default async function KeysPage() {
  const user = await requireUser({ area: "tenant" });
  const scope = tenantScope(user.tenantId);
  const [tenant, keys] = await Promise.all([
    prisma.tenant.findUniqueOrThrow({ where: { id: scope.tenantId }, select: { timeZone: true } }),
    prisma.apiKey.findMany({ where: scope, orderBy: [{ status: "asc" }, { createdAt: "desc" }] }),
  ]);
  const isOwner = user.role === "TENANT_OWNER";
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          isOwner
            ? "Create a key per service; revoke one the moment it leaks. Times in " + tenant.timeZone + "."
            : "Only the account owner can create or revoke keys."
        }
      />
      <KeysTable
        keys={keys}
        timeZone={tenant.timeZone}
        create={isOwner ? createOwnKeyAction : undefined}
        revoke={isOwner ? revokeOwnKeyAction : undefined}
      />
    </>
  );
}
