// Runs graphql-http's GraphQL-over-HTTP server audits against a running endpoint.
// Usage: node audit.mjs http://127.0.0.1:5000/graphql
// Prints one line per audit (status, id, name; the reason for anything not ok) and a summary,
// and exits 1 when a MUST audit (status "error") fails.
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? process.env.GRAPHQL_URL;
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

const results = await auditServer({ url });
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const result of results.sort((a, b) => a.id.localeCompare(b.id))) {
  counts[result.status] += 1;
  const reason = result.status === 'ok' ? '' : ` -- ${result.reason}`;
  console.log(`${result.status}\t${result.id}\t${result.name}${reason}`);
}

console.log(
  `summary: ${results.length} audits, ok=${counts.ok} notice=${counts.notice} warn=${counts.warn} error=${counts.error}`,
);
process.exit(counts.error > 0 ? 1 : 0);
