// GET /api/dashboard/export/{usage|ledger|decisions} – a streamed CSV for the filter in the query
// (admin: any tenant or all; a tenant user: their own tenant only — another tenant's id is a 404);
// from/to are days in the tenant's own zone, as its charts show them (UTC across all tenants)

import { exportOperation } from "@/lib/api/operations/dashboard";
import { exportCsv } from "@/lib/dashboard/csv-export";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { tenantScope } from "@/lib/db/tenant-scope";
import { AppError } from "@/lib/errors/app-error";
import { route } from "@/lib/http/route";
import { session } from "@/lib/web/session-auth";

export const dynamic = "force-dynamic";

export const GET = route(
  { operation: exportOperation, auth: session() },
  async ({ auth: user, params: { kind }, query: filter }) => {
    if (user.role !== "ADMIN") {
      const own = tenantScope(user.tenantId!).tenantId;
      if (filter.tenantId && filter.tenantId !== own) throw new AppError("not_found");
      filter.tenantId = own;
    }
    const tenant = filter.tenantId
      ? await prisma.tenant.findUnique({
          where: { id: tenantScope(filter.tenantId).tenantId },
          select: { timeZone: true },
        })
      : null;
    if (filter.tenantId && !tenant) throw new AppError("not_found");
    const chunks = exportCsv(pool(), kind, filter, { timeZone: tenant?.timeZone });
    const encoder = new TextEncoder();
    // Pull-based: the next batch is read only when the client has taken the previous one.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (e) {
          controller.error(e);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="tollgate-${kind}${filter.tenantId ? `-${filter.tenantId}` : ""}-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
