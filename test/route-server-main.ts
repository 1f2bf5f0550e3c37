// A stand-alone process serving the decision API's route handlers, for tests that need a second
// instance or kill one (crash safety). Prints "listening <url>" when ready. DATABASE_URL comes
// from the environment.
import { DECISION_PATHS } from "@/lib/web/server/decision-routes";
import { serveRoutes } from "@/test/serve-route";

async function main() {
  const server = await serveRoutes(DECISION_PATHS);
  console.log(`listening ${server.url}`);
}

void main();
