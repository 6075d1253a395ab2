// Regenerates the expected SDL printouts with the reference implementation:
//   npm install --no-save graphql@17.1.0 && node print-schema.mjs ../TestData/kitchen-sink.graphql > ../TestData/kitchen-sink.expected.graphql
import { buildSchema, printSchema, validateSchema } from 'graphql';
import { readFileSync } from 'node:fs';

const schema = buildSchema(readFileSync(process.argv[2], 'utf8'));
const errors = validateSchema(schema);
if (errors.length > 0) {
  console.error(errors.map((e) => e.message).join('\n'));
  process.exit(1);
}
process.stdout.write(printSchema(schema));
