# WIN — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
PG_URL ?= postgres://postgres@127.0.0.1:5432/test?sslmode=disable
# Pinned, and built from the module proxy on first use: not a dependency of
# the server's go.mod.
GOLANGCI_LINT ?= $(GO) run github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0

.PHONY: run dev build frontend server test test-go test-short test-frontend test-e2e generate check-generated migration lint bench fuzz load perf clean

## run: build the frontend and the server, then start it on win.db with demo data
run: frontend
	WIN_DEMO=$${WIN_DEMO:-1} $(GO) run ./server

## dev: Vite with hot reload on :5173, proxying the API to a server on :8080 (start it with `make run` first)
dev: frontend/node_modules
	cd frontend && npm run dev

## build: the server binary with the frontend embedded, in bin/win
build: frontend server

server:
	$(GO) build -o bin/win ./server

frontend: frontend/node_modules
	cd frontend && npm run build

frontend/node_modules: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

## test: the whole suite — lint, Go tests on SQLite (and PostgreSQL when
## WIN_TEST_DATABASE_URL is set), generated-code checks, frontend unit
## tests, then the browser suite against the built server
test: lint test-go test-frontend test-e2e

# server/web, which drives the real handler on both databases, takes 3-6
# minutes alone and nears go test's default 10 on a busy machine.
test-go:
	$(GO) test -count=1 -timeout 25m ./...

## test-short: the quick Go suite, for while you work: skips regenerating
## the code (TestGeneratedCodeIsCurrent) and the other slow tests
test-short:
	$(GO) test -short ./...

test-frontend: frontend/node_modules
	cd frontend && npm run codegen:check && npm run typecheck && npm test

## test-e2e: Debian's chromium drives the built server (fresh database, demo
## data) through the SPA, on SQLite and, when WIN_TEST_DATABASE_URL is set,
## on PostgreSQL at the same time (each suite waits on its browser and
## server most of the time: together they take 5 minutes, one after the
## other 8); screenshots and axe results go to test-artifacts/, the
## PostgreSQL run's output to test-artifacts/e2e-postgres.log, printed
## after the SQLite run's
test-e2e: build
	pg=""; \
	if [ -n "$$WIN_TEST_DATABASE_URL" ]; then \
	  mkdir -p test-artifacts; \
	  (cd frontend && WIN_BIN=$(CURDIR)/bin/win WIN_E2E_DATABASE_URL="$$WIN_TEST_DATABASE_URL" \
	    WIN_E2E_ARTIFACTS=$(CURDIR)/test-artifacts/e2e-postgres npm run e2e) > test-artifacts/e2e-postgres.log 2>&1 & pg=$$!; \
	fi; \
	(cd frontend && WIN_BIN=$(CURDIR)/bin/win npm run e2e); sqlite=$$?; \
	postgres=0; \
	if [ -n "$$pg" ]; then \
	  wait $$pg; postgres=$$?; \
	  echo "--- the browser suite on PostgreSQL:"; cat test-artifacts/e2e-postgres.log; \
	fi; \
	test $$sqlite -eq 0 -a $$postgres -eq 0

## lint: gofmt, go vet, golangci-lint (.golangci.yml) and ESLint
## (frontend/eslint.config.js), all clean
lint: frontend/node_modules
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "not gofmt-formatted:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GOLANGCI_LINT) run ./...
	cd frontend && npm run lint

## generate: regenerate the ent client, graph/ent.graphql, gqlgen's code
## and the frontend's typed GraphQL documents
generate: frontend/node_modules
	$(GO) generate .
	cd frontend && npm run codegen

## migration: write the next versioned migration of both dialects, NAME=what_changed
migration:
	@test -n "$(NAME)" || { echo "usage: make migration NAME=what_changed"; exit 2; }
	WIN_DEV_DATABASE_URL=$${WIN_DEV_DATABASE_URL:-$(PG_URL)} $(GO) run -mod=mod ./server/store/newmigration.go $(NAME)

## bench: benchmarks, printing their figures
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## fuzz: each fuzz target for FUZZTIME (default 20s) with one worker, printing
## its executions; the whole-server targets run on PostgreSQL as well when
## WIN_TEST_DATABASE_URL is set (docs/fuzzing.md)
FUZZTIME ?= 20s
FUZZ_TARGETS := ./domain/gid:FuzzGlobalID ./domain:FuzzTaxCode ./domain:FuzzDate \
	./server/web:FuzzRequestBody ./server/web:FuzzCursor ./server/web:FuzzIndicatorCSV ./server/web:FuzzExportRequest \
	./server/web:FuzzGraphQLRequest ./server/web:FuzzCasePages
fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; name=$${t#*:}; log=$$(mktemp); \
	  if $(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s -parallel 1 $$pkg >$$log 2>&1; then \
	    echo "$$name: $$(grep '^fuzz: elapsed' $$log | tail -n 1)"; rm -f $$log; \
	  else cat $$log; rm -f $$log; exit 1; fi; \
	done

## load: the load test (bench/load.sh; docs/load-testing.md): PostgreSQL, 100,000 cases,
## 64 clients for 60 s, writes reconciled; WIN_LOAD_DB=sqlite, WIN_LOAD_PROCESSES=2…
load:
	bench/load.sh

## perf: the benchmark (bench/run.sh; docs/performance.md): each operation alone per role,
## session and token, 8 and 32 clients, with SQL statements, CPU and memory, and the
## ratio to the hand-written case list through pgbench; WIN_BENCH_DB, WIN_BENCH_CASES…
perf:
	bench/run.sh

clean:
	rm -rf bin frontend/dist/app test-artifacts
