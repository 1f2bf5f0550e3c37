// The API reference: every operation of the OpenAPI document, grouped by tag, rendered on the
// server with no script, font or stylesheet from elsewhere (it works offline).
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ApiReference, ReferenceOperation } from "@/lib/api/reference";

const METHOD_TONE: Record<string, BadgeTone> = { GET: "ok", POST: "warn", PUT: "warn", PATCH: "warn", DELETE: "bad" };

function Code({ children }: { children: string }) {
  return (
    <pre className="overflow-x-auto rounded-md border border-border bg-muted/40 p-3 text-xs leading-relaxed">
      <code>{children}</code>
    </pre>
  );
}

/** A schema: a component's name links to it; an inline schema is shown folded. */
function SchemaRef({ schema }: { schema: string }) {
  if (!schema.startsWith("{")) return <a className="font-mono text-xs underline" href={`#schema-${schema}`}>{schema}</a>;
  return (
    <details>
      <summary className="cursor-pointer text-xs text-muted-foreground">schema</summary>
      <Code>{schema}</Code>
    </details>
  );
}

function Operation({ op }: { op: ReferenceOperation }) {
  return (
    <section id={op.anchor} aria-labelledby={`${op.anchor}-title`} className="scroll-mt-4 border-t border-border py-6">
      <h3 id={`${op.anchor}-title`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <Badge tone={METHOD_TONE[op.method] ?? "muted"}>{op.method}</Badge>
        <code className="text-sm">{op.path}</code>
      </h3>
      <p className="mt-1 text-sm">{op.summary}</p>
      {op.description ? <p className="mt-1 text-sm text-muted-foreground">{op.description}</p> : null}
      <p className="mt-2 text-xs text-muted-foreground">
        Auth: {op.security} · operationId <code>{op.operationId}</code>
      </p>
      {op.parameters.length ? (
        <div className="mt-3">
          <h4 className="text-sm font-medium">Parameters</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {op.parameters.map((p) => (
              <li key={`${p.in}-${p.name}`} className="flex flex-wrap items-baseline gap-2">
                <code>{p.name}</code>
                <span className="text-xs text-muted-foreground">
                  in {p.in}
                  {p.required ? ", required" : ""}
                </span>
                <SchemaRef schema={p.schema} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {op.body ? (
        <div className="mt-3 space-y-2">
          <h4 className="text-sm font-medium">Request body (application/json)</h4>
          <SchemaRef schema={op.body.schema} />
          {op.body.example ? <Code>{op.body.example}</Code> : null}
        </div>
      ) : null}
      <div className="mt-3">
        <h4 className="text-sm font-medium">Responses</h4>
        <ul className="mt-1 space-y-2 text-sm">
          {op.responses.map((r) => (
            <li key={r.status}>
              <span className="font-mono font-semibold">{r.status}</span>{" "}
              {r.contentType ? <span className="text-xs text-muted-foreground">{r.contentType}</span> : null}{" "}
              <span>{r.description}</span>
              {r.schema ? (
                <div className="mt-1">
                  <SchemaRef schema={r.schema} />
                </div>
              ) : null}
              {r.example ? <Code>{r.example}</Code> : null}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

export function ApiReferenceView({ reference }: { reference: ApiReference }) {
  return (
    <div className="mx-auto flex max-w-6xl gap-8 px-4 py-8">
      <nav aria-label="Operations" className="sticky top-4 hidden max-h-[calc(100vh-2rem)] w-64 shrink-0 overflow-y-auto text-sm lg:block">
        {reference.groups.map((g) => (
          <div key={g.tag} className="mb-4">
            <p className="font-medium">{g.tag}</p>
            <ul className="mt-1 space-y-1">
              {g.operations.map((op) => (
                <li key={op.anchor}>
                  <a className="text-muted-foreground hover:underline" href={`#${op.anchor}`}>
                    <span className="font-mono text-xs">{op.method}</span> {op.path.replace("/api", "")}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <a className="font-medium hover:underline" href="#schemas">
          Schemas
        </a>
      </nav>
      <main className="min-w-0 flex-1">
        <h1 className="text-2xl font-semibold tracking-tight">
          {reference.title} <span className="text-sm font-normal text-muted-foreground">v{reference.version}</span>
        </h1>
        <p className="mt-2 text-sm text-muted-foreground">{reference.description}</p>
        <p className="mt-2 text-sm">
          The machine-readable document: <a className="underline" href="/api/openapi.json">/api/openapi.json</a>{" "}
          (OpenAPI 3.1).
        </p>
        <h2 className="mt-6 text-lg font-semibold">Authentication</h2>
        <ul className="mt-1 list-disc pl-5 text-sm">
          {reference.security.map((s) => (
            <li key={s.name}>
              <span className="font-medium">{s.name}</span>: {s.description}
            </li>
          ))}
        </ul>
        {reference.groups.map((g) => (
          <section key={g.tag} aria-labelledby={`tag-${g.tag}`} className="mt-8">
            <h2 id={`tag-${g.tag}`} className="text-lg font-semibold">
              {g.tag}
            </h2>
            {g.operations.map((op) => (
              <Operation key={op.anchor} op={op} />
            ))}
          </section>
        ))}
        <section id="schemas" aria-labelledby="schemas-title" className="mt-8">
          <h2 id="schemas-title" className="text-lg font-semibold">
            Schemas
          </h2>
          {reference.schemas.map((s) => (
            <div key={s.name} id={`schema-${s.name}`} className="mt-4 scroll-mt-4">
              <h3 className="font-mono text-sm font-semibold">{s.name}</h3>
              <Code>{s.schema}</Code>
            </div>
          ))}
        </section>
      </main>
    </div>
  );
}
