// The one Prisma client of the app process. Kept on globalThis in development so hot reloads
// do not open a new pool each time (the create-t3-app pattern).
import { PrismaPg } from "@prisma/adapter-pg";

import { databaseUrl } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

const globalForPrisma = globalThis as unknown as { tollgatePrisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.tollgatePrisma ??= createPrismaClient(databaseUrl());
  return globalForPrisma.tollgatePrisma;
}

// A lazy proxy: importing this module never connects (so `next build` needs no database).
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});
