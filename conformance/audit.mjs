// Runs the graphql-http audit suite (GraphQL-over-HTTP) against a server and reports every audit.
// Usage: node audit.mjs <url> [bearer-token]
// Prints one JSON object per line: {"id","name","status","reason"}; exits 1 when a MUST or SHOULD
// audit does not pass, 2 when the server cannot be audited at all.
import { auditServer } from 'graphql-http';

const [url, token] = process.argv.slice(2);
if (!url) {
  console.error('usage: node audit.mjs <url> [bearer-token]');
  process.exit(2);
}

const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers ?? {});
  if (token) headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers, signal: AbortSignal.timeout(10_000) });
};

try {
  const results = await auditServer({ url, fetchFn });
  let failed = 0;
  for (const result of results) {
    const required = result.name.startsWith('MUST') || result.name.startsWith('SHOULD');
    if (required && result.status !== 'ok') failed++;
    console.log(JSON.stringify({ id: result.id, name: result.name, status: result.status, reason: result.reason ?? null }));
  }
  console.log(`audits: ${results.length}, MUST/SHOULD not passing: ${failed}`);
  process.exit(failed === 0 ? 0 : 1);
} catch (error) {
  console.error(`audit could not run: ${error?.message ?? error}`);
  process.exit(2);
}
