// Runs graphql-ws's own client against a running graphql-transport-ws endpoint of the transport's test schema:
// a query, a subscription to its end, the connection's user, a validation error, and a subscription left after its
// first event (leaving sends `complete`). Prints one JSON object with what the client saw.
// Usage: node ws-client.mjs ws://127.0.0.1:5000/graphql <key for the forever stream>
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const [url, key] = process.argv.slice(2);
if (!url || !key) {
  console.error('usage: node ws-client.mjs <graphql websocket url> <forever key>');
  process.exit(2);
}

const client = createClient({
  url,
  webSocketImpl: WebSocket, // Node 20 has no global WebSocket
  lazy: false,
  retryAttempts: 0,
  connectionParams: { user: 'node' },
});

async function all(request) {
  const results = [];
  for await (const result of client.iterate(request)) {
    results.push(result);
  }
  return results;
}

const seen = {};
seen.query = await all({ query: 'query($name: String) { hello(name: $name) }', variables: { name: 'node' } });
seen.ticks = await all({ query: 'subscription { ticks(count: 3) }' });
seen.whoami = await all({ query: 'subscription { whoami }' });
try {
  seen.validation = await all({ query: '{ nope }' });
} catch (errors) {
  seen.validationErrors = errors;
}
for await (const result of client.iterate({ query: 'subscription($key: String!) { forever(key: $key) }', variables: { key } })) {
  seen.forever = result;
  break;
}

await client.dispose();
console.log(JSON.stringify(seen));
