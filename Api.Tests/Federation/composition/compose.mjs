// Composes the hub's subgraph (its _service.sdl, fetched from the running hub at the URL given) with a
// fixture subgraph that extends the hub's Network entity, as a federation router would at start.
// Prints the composition errors and exits 1 if there are any; prints a summary and exits 0 otherwise.
import { parse } from 'graphql';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';

const url = process.argv[2] ?? 'http://127.0.0.1:5000/graphql';

const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query: '{ _service { sdl } }' }),
});
const body = await response.json();
const hubSdl = body?.data?._service?.sdl;
if (!hubSdl) {
  console.error(`No _service.sdl from ${url} (HTTP ${response.status}): ${JSON.stringify(body)}`);
  process.exit(1);
}

// Another team's subgraph: funding calls that networks can apply to, hung off the hub's Network by its key.
const fundingSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Network @key(fields: "id") {
    id: ID!
    fundingCalls: [FundingCall!]!
  }

  type FundingCall {
    id: ID!
    title: String!
    closesOn: String
  }

  type Query {
    fundingCall(id: ID!): FundingCall
  }
`;

const result = composeServices([
  { name: 'hub', url, typeDefs: parse(hubSdl) },
  { name: 'funding', url: 'http://funding.invalid/graphql', typeDefs: parse(fundingSdl) },
]);

if (compositionHasErrors(result)) {
  for (const error of result.errors) {
    console.error(`composition error: ${error.message}`);
  }
  process.exit(1);
}

const supergraph = parse(result.supergraphSdl);
const network = supergraph.definitions.find((d) => d.kind === 'ObjectTypeDefinition' && d.name.value === 'Network');
const fields = network.fields.map((f) => f.name.value);
if (!fields.includes('fundingCalls') || !fields.includes('feed')) {
  console.error(`The supergraph's Network lacks fields from one of the subgraphs: ${fields.join(', ')}`);
  process.exit(1);
}

console.log(`composed: ${supergraph.definitions.length} definitions; Network has ${fields.length} fields, fundingCalls among them`);
