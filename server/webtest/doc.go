// Package webtest is the HTTP test harness of WIN: it drives the real
// handler of server/web as a client would (API tokens, browser sessions,
// demo accounts) over a database of storetest, and seeds the fixtures the
// tests share. It is imported by tests only; server/web's tests use it
// for transport and access rules, other packages' tests may use it to
// check a rule end to end.
package webtest
