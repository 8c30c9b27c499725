// Starts GraphiQL against the endpoint that served this page. Queries and mutations go over HTTP with
// the headers from the headers editor (put {"Authorization": "Bearer …"} there); subscriptions go over
// graphql-ws at the same path, with those headers sent as the connection_init payload.
(function () {
  'use strict';
  var root = document.getElementById('graphiql');
  var url = new URL(root.getAttribute('data-url'), window.location.href);
  var subscriptionUrl = new URL(url.href);
  subscriptionUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';

  var fetcher = GraphiQL.createFetcher({
    url: url.href,
    subscriptionUrl: subscriptionUrl.href,
    headers: { Accept: 'application/graphql-response+json' },
  });

  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
      defaultQuery: '# Open networks on the hub; add {"Authorization": "Bearer <token>"} under Headers to sign in.\n'
        + '{\n  networks(first: 10) {\n    edges { node { slug name region memberCount } }\n  }\n}\n',
    }));
})();
