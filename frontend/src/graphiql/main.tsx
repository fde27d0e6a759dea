import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { fetcherOptions } from "./fetcher";

const defaultQuery = `# WIN — GraphiQL. Every type and field is described under "Docs".
# Sign in first (demo accounts: see the README), then run the query below.
# Every list needs first or last (at most 100).
mutation SignIn {
  login(input: {email: "operator@demo.example", password: "win-demo-2026"}) {
    viewer { name roles }
  }
}

query RecentCases {
  cases(first: 5, orderBy: [{field: REFERRED_ON, direction: DESC}]) {
    totalCount
    edges {
      node {
        code
        status
        needAreas
        table { name }
        person { pseudonym birthYear }
        outcomes(first: 10) { edges { node { kind valueDimension } } }
      }
    }
  }
}
`;

const root = document.getElementById("root");
if (root === null) {
  throw new Error("missing #root element");
}
createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={createGraphiQLFetcher(fetcherOptions())}
      defaultQuery={defaultQuery}
      // The session cookie authenticates; the header editor is there for
      // extra headers, starts empty, and is never saved in localStorage.
      isHeadersEditorEnabled
      defaultHeaders=""
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);
