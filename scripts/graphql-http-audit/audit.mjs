// Runs the graphql-http server audit (GraphQL over HTTP conformance)
// against a running ketnoi server and prints every result. Exits non-zero
// when a MUST requirement fails; SHOULD warnings are printed and must be
// fixed or documented (README, "GraphQL over HTTP").
//
//   node audit.mjs http://127.0.0.1:8080/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/graphql';
const results = await auditServer({ url });
let failures = 0;
for (const result of results) {
  const mark = { ok: 'ok  ', notice: 'note', warn: 'WARN', error: 'FAIL' }[result.status];
  console.log(`${mark} ${result.name}${result.reason ? ` -- ${result.reason}` : ''}`);
  if (result.status === 'error') failures += 1;
}
const count = (s) => results.filter((r) => r.status === s).length;
console.log(
  `\n${results.length} audits: ${count('ok')} ok, ${count('notice')} notices, ${count('warn')} warnings, ${failures} MUST failures`,
);
process.exit(failures === 0 ? 0 : 1);
