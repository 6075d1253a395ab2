// Regenerates the introspection expectations with the reference implementation:
//   npm install --no-save graphql@17.1.0
//   node introspection.mjs query > ../TestData/introspection-query.graphql
//   node introspection.mjs result ../../Types/TestData/kitchen-sink.graphql > ../TestData/kitchen-sink.introspection.json
//   node introspection.mjs check <introspection-result.json> <engine-sdl.graphql>   (buildClientSchema + validateSchema + printSchema)
import { buildSchema, buildClientSchema, getIntrospectionQuery, graphqlSync, printSchema, validateSchema } from 'graphql';
import { readFileSync } from 'node:fs';

const options = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
};

const [mode, first, second] = process.argv.slice(2);
if (mode === 'query') {
  process.stdout.write(getIntrospectionQuery(options));
} else if (mode === 'result') {
  const schema = buildSchema(readFileSync(first, 'utf8'));
  const result = graphqlSync({ schema, source: getIntrospectionQuery(options) });
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
} else if (mode === 'check') {
  const introspection = JSON.parse(readFileSync(first, 'utf8'));
  const schema = buildClientSchema(introspection.data ?? introspection);
  const errors = validateSchema(schema);
  if (errors.length > 0) {
    console.error(errors.map((e) => e.message).join('\n'));
    process.exit(1);
  }
  const printed = printSchema(schema);
  const expected = readFileSync(second, 'utf8');
  if (printed !== expected) {
    console.error('printSchema of the introspection differs from the engine SDL:\n' + printed);
    process.exit(1);
  }
  console.log('ok');
} else {
  console.error('usage: introspection.mjs query | result <sdl> | check <introspection.json> <sdl>');
  process.exit(2);
}
