// What `npm start` prints in demo mode: where to sign in and which keys to curl with.
import {
  DEMO_ADMIN_EMAIL,
  DEMO_MEMBER_TENANT,
  DEMO_PASSWORD,
  demoKeySecret,
  demoMemberEmail,
  demoOwnerEmail,
} from "@/lib/demo/accounts";

export function demoBanner(url: string): string {
  return [
    "",
    "Demo sign-ins (password for all: " + DEMO_PASSWORD + " — demo only):",
    `  admin          ${DEMO_ADMIN_EMAIL}`,
    `  tenant owner   ${demoOwnerEmail("healthy")}   (also owner@zero-credits.demo, owner@past-due-expired.demo, …)`,
    `  tenant member  ${demoMemberEmail(DEMO_MEMBER_TENANT)}`,
    "Demo API keys (see README for all):",
    `  healthy        ${demoKeySecret("healthy")}`,
    `  zero credits   ${demoKeySecret("zero-credits")}`,
    `Sign in at ${url}/sign-in`,
  ].join("\n");
}
