// A stand-alone process serving the decision API's route handlers, for tests that kill it
// (crash safety). Prints "listening <url>" when ready. DATABASE_URL comes from the environment.
import { serveRoutes } from "@/lib/testing/serve-route";

async function main() {
  const [authorize, usage, balance] = await Promise.all([
    import("@/app/api/v1/authorize/route"), import("@/app/api/v1/usage/route"), import("@/app/api/v1/balance/route"),
  ]);
  const server = await serveRoutes({
    "/api/v1/authorize": { POST: authorize.POST }, "/api/v1/usage": { POST: usage.POST }, "/api/v1/balance": { GET: balance.GET },
  });
  console.log(`listening ${server.url}`);
}

void main();
