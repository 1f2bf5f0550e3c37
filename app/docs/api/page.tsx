import type { Metadata } from "next";

import { ApiReferenceView } from "@/components/docs/api-reference";
import { apiReference } from "@/lib/api/reference";

export const metadata: Metadata = { title: "API reference" };

// /docs/api – the API reference, public and static: it is built from the code's own OpenAPI document.
export default function ApiReferencePage() {
  return <ApiReferenceView reference={apiReference()} />;
}
