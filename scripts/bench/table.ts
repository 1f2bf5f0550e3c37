// The benchmark's one table (Markdown, so it pastes into the README and closing notes).
export type Row = {
  name: string;
  target: string;
  rps: number;
  p50?: number;
  p99?: number;
  failed?: number;
  ratio?: number;
};

export function printTable(rows: Row[]): string {
  const lines = [
    "| scenario | throughput | p50 ms | p99 ms | non-2xx | vs bare | target |",
    "|---|---:|---:|---:|---:|---:|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${Math.round(r.rps).toLocaleString("en-US")}/s | ${r.p50 ?? "–"} | ${r.p99 ?? "–"} | ${r.failed ?? "–"} | ${r.ratio === undefined ? "–" : `${Math.round(r.ratio * 100)}%`} | ${r.target} |`,
    ),
  ];
  return lines.join("\n");
}
