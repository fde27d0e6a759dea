// Package webhook sends WIN's events to partners' programs (docs/webhooks.md):
// a user registers an endpoint with a read-write API token (Create,
// Update, Delete, Redeliver); the outbox's dispatcher queues one delivery
// per endpoint and event in its transaction (Channel); the Sender posts
// them, signed as Standard Webhooks defines, in order per case, with
// retries for a day, and only about what the endpoint's token may read
// when it is sent. Bodies carry IDs, never words about a person.
package webhook
