// Fixed ids for the demo rows, so pages, tests and the README can point at them across reseeds.
export type DemoKeyKind = "active" | "pending" | "revoked";

const tag = (slug: string) => slug.replace(/-/g, "_");

export const tenantIdOf = (slug: string) => `tnt_${tag(slug)}`;
export const keyIdOf = (slug: string, kind: DemoKeyKind = "active") =>
  `key_${tag(slug)}${kind === "active" ? "" : `_${kind}`}`;
export const ownerIdOf = (slug: string) => `usr_${slug}_owner`;
export const DEMO_ADMIN_ID = "usr_admin";
