// GET /api/v1/admin/models – every model of the catalog with the price in force
import { listModelsOperation } from "@/lib/api/operations/models";
import { listModels } from "@/lib/catalog/read-models";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ operation: listModelsOperation, auth: adminToken }, async () =>
  json({ models: await listModels(prisma) }),
);
