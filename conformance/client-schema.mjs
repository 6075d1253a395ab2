// Reads an introspection result ({"data": {...}} or the bare data) from a file, builds a client
// schema with graphql-js, validates it and prints its SDL to stdout.
// Usage: node client-schema.mjs <introspection.json>
// Exits 1 with the problems on stderr when graphql-js rejects the introspection.
import { readFileSync } from 'node:fs';
import { buildClientSchema, validateSchema, printSchema } from 'graphql';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node client-schema.mjs <introspection.json>');
  process.exit(2);
}
try {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const schema = buildClientSchema(json.data ?? json);
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
