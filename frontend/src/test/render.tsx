// The harness of the component tests: a screen rendered as the app renders
// it (urql client, Italian locale, router, and the session when the test
// says who is signed in), with the API answered by the test and every
// operation the screen sent recorded.
import { cleanup, render, type RenderResult } from "@testing-library/react";
import type { DocumentNode } from "graphql";
import type { ReactElement } from "react";
import { createMemoryRouter, RouterProvider, type RouteObject } from "react-router";
import { Provider, type Client, type CombinedError, type GraphQLRequest, type OperationContext } from "urql";
import { afterEach } from "vitest";
import { fromValue, map, never, type Source } from "wonka";
import { LocaleProvider } from "../i18n/LocaleProvider";
import { SessionContext, sessionOf, type Role, type Viewer } from "../session/session";

// Every file that renders a screen unmounts it after each test.
afterEach(cleanup);

/** What the fake API answers to one operation; undefined leaves it pending. */
export type Answer = { data?: unknown; error?: CombinedError } | undefined;

/** Answers an operation by its name (e.g. "CasesList") and variables. */
export type Answerer = (operationName: string, variables: Record<string, unknown>) => Answer;

/** An operation the screen sent, as the test can assert on it. */
export interface Sent {
  name: string;
  variables: Record<string, unknown>;
  context: Partial<OperationContext>;
}

/** Who is signed in; anything left out takes a neutral value. */
export interface ViewerSpec {
  id?: string;
  name?: string;
  email?: string;
  language?: Viewer["language"];
  roles?: Role[];
  organization?: { id: string; name?: string };
  /** The tables the viewer belongs to; coordinates: the viewer coordinates it. */
  tables?: { id: string; name?: string; coordinates?: boolean }[];
}

/** A signed-in user as the SessionViewer query returns it. */
export function aViewer(spec: ViewerSpec = {}): Viewer {
  const id = spec.id ?? "usr_me";
  return {
    id,
    name: spec.name ?? "Test",
    email: spec.email ?? "t@example.it",
    language: spec.language ?? "IT",
    roles: spec.roles ?? ["OPERATOR"],
    organization: { id: spec.organization?.id ?? "org_1", name: spec.organization?.name ?? "Ente" },
    memberships: {
      edges: (spec.tables ?? []).map((t, i) => ({
        node: {
          id: `mem_${i + 1}`,
          profession: "OTHER",
          joinedOn: "2026-01-14T23:00:00Z",
          table: { id: t.id, name: t.name ?? t.id, coordinator: { id: t.coordinates ? id : "usr_coordinator" } },
          organization: { id: spec.organization?.id ?? "org_1", name: spec.organization?.name ?? "Ente" },
        },
      })),
    },
  };
}

export interface ScreenOptions {
  /** The URL the screen opens at; by default the route itself. */
  path?: string;
  /** The route pattern the screen is mounted on, e.g. "/cases/:id"; by default path without its query. */
  route?: string;
  /** Other routes the screen may navigate to. */
  routes?: RouteObject[];
  /** Who is signed in; without it there is no session at all. */
  session?: ViewerSpec | Viewer;
  /** The answers to queries: by operation name, or computed; a missing one stays pending. */
  queries?: Answerer | Record<string, unknown>;
  /** The answers to mutations; a missing one stays pending. */
  mutations?: Answerer;
  /** The events of subscriptions (e.g. a wonka subject's source); a missing one never sends any. */
  subscriptions?: (operationName: string, variables: Record<string, unknown>) => Source<unknown> | undefined;
}

export interface Screen extends RenderResult {
  router: ReturnType<typeof createMemoryRouter>;
  /** Queries sent, in order. */
  queries: Sent[];
  /** Mutations sent, in order. */
  mutations: Sent[];
}

export function operationName(query: DocumentNode): string {
  const def = query.definitions.find((d) => d.kind === "OperationDefinition");
  return def?.kind === "OperationDefinition" ? (def.name?.value ?? "") : "";
}

function answering(answers: ScreenOptions["queries"]): Answerer {
  if (typeof answers === "function") {
    return answers;
  }
  return (name) => (answers && name in answers ? { data: answers[name] } : undefined);
}

/** The fake urql client: answers with the given functions and records what was sent. */
export function mockClient(options: Pick<ScreenOptions, "queries" | "mutations" | "subscriptions"> = {}) {
  const queries: Sent[] = [];
  const mutations: Sent[] = [];
  const execute = (sent: Sent[], answer: Answerer, kind: "query" | "mutation") => (request: GraphQLRequest, context: Partial<OperationContext> = {}) => {
    const name = operationName(request.query);
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    sent.push({ name, variables, context });
    const result = answer(name, variables);
    return result ? fromValue({ operation: { ...request, kind, context }, stale: false, ...result }) : never;
  };
  const client = {
    executeQuery: execute(queries, answering(options.queries), "query"),
    executeMutation: execute(mutations, options.mutations ?? (() => undefined), "mutation"),
    executeSubscription: (request: GraphQLRequest, context: Partial<OperationContext> = {}) => {
      const events = options.subscriptions?.(operationName(request.query), (request.variables ?? {}) as Record<string, unknown>);
      return events ? map((data: unknown) => ({ operation: { ...request, kind: "subscription", context }, stale: false, data }))(events) : never;
    },
  } as unknown as Client;
  return { client, queries, mutations };
}

function isViewer(session: ViewerSpec | Viewer): session is Viewer {
  return "memberships" in session;
}

/** Renders ui as the screen at options.route, opened at options.path. */
export function renderScreen(ui: ReactElement, options: ScreenOptions = {}): Screen {
  const path = options.path ?? options.route ?? "/";
  const route = options.route ?? path.replace(/[?#].*$/, "");
  const { client, queries, mutations } = mockClient(options);
  const router = createMemoryRouter([{ path: route, element: ui }, ...(options.routes ?? [])], { initialEntries: [path] });
  let tree = <RouterProvider router={router} />;
  if (options.session) {
    const viewer = isViewer(options.session) ? options.session : aViewer(options.session);
    tree = <SessionContext.Provider value={sessionOf(viewer)}>{tree}</SessionContext.Provider>;
  }
  const result = render(
    <Provider value={client}>
      <LocaleProvider locale="it">{tree}</LocaleProvider>
    </Provider>,
  );
  return { ...result, router, queries, mutations };
}
