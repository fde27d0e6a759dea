import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { defaultDocument } from "./document";
import { fetcherOptions } from "./fetcher";

// Italian time's today, for the example period (src/i18n/format's today,
// without pulling the app's catalogues into GraphiQL's bundle).
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

const root = document.getElementById("root");
if (root === null) {
  throw new Error("missing #root element");
}
createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={createGraphiQLFetcher(fetcherOptions())}
      defaultQuery={defaultDocument(today)}
      // The session cookie authenticates; the header editor is there for
      // extra headers, starts empty, and is never saved in localStorage.
      isHeadersEditorEnabled
      defaultHeaders=""
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);
