// The ketnoi playground: GraphiQL against this server's /graphql, with the
// example tabs the page carries as data. Every file it loads is served by
// ketnoi itself.
(function () {
  'use strict';
  const examples = JSON.parse(document.getElementById('examples').textContent);
  const url = window.location.pathname;
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url }),
      defaultTabs: examples.map((query) => ({ query })),
      defaultEditorToolsVisibility: true,
    }),
  );
})();
