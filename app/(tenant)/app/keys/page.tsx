import type { Metadata } from "next";

import { KeysTable } from "@/components/dashboard/keys-table";
import { PageHeader } from "@/components/page-header";
import { listTenantKeys } from "@/lib/keys/queries";
import { tenantProfile } from "@/lib/tenants/queries";
import { requireUser } from "@/lib/web/session";

import { createOwnKeyAction, revokeOwnKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

// /app/keys – the tenant's API keys: the owner creates and revokes, members see them.
export default async function KeysPage() {
  const user = await requireUser({ area: "tenant" });
  const [tenant, keys] = await Promise.all([tenantProfile(user.tenantId), listTenantKeys(user.tenantId)]);
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
