// Introspects a GraphQL server with graphql-js's own introspection query, builds a client schema
// from the answer (buildClientSchema), validates it (validateSchema) and prints its SDL to stdout
// (printSchema), so the caller can compare it with the server's own SDL.
// Usage: node client-schema.mjs <url> [bearer-token]
// Exits 1 with the problem on stderr when the server's answer is rejected.
import { buildClientSchema, getIntrospectionQuery, printSchema, validateSchema } from 'graphql';

const [url, token] = process.argv.slice(2);
if (!url) {
  console.error('usage: node client-schema.mjs <url> [bearer-token]');
  process.exit(2);
}

const query = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});
const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
if (token) headers.authorization = `Bearer ${token}`;

try {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }), signal: AbortSignal.timeout(15_000) });
  const body = await response.json();
  if (!response.ok || body.errors) {
    console.error(`introspection failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body)}`);
    process.exit(1);
  }
  const schema = buildClientSchema(body.data);
  const errors = validateSchema(schema);
  if (errors.length > 0) {
    for (const error of errors) console.error(error.message);
    process.exit(1);
  }
  process.stdout.write(printSchema(schema));
} catch (error) {
  console.error(`graphql-js rejected the introspection: ${error?.message ?? error}`);
  process.exit(1);
}
