package webhook

import (
	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent"
)

// CreateInput is a new endpoint (GraphQL CreateWebhookInput).
type CreateInput struct {
	URL         string             `json:"url"`
	Description *string            `json:"description"`
	Kinds       []domain.EventKind `json:"kinds"`
}

// UpdateInput changes an endpoint (GraphQL UpdateWebhookInput); nil
// fields keep their value.
type UpdateInput struct {
	URL         *string            `json:"url"`
	Description *string            `json:"description"`
	Kinds       []domain.EventKind `json:"kinds"`
	Enabled     *bool              `json:"enabled"`
}

// Created is an endpoint just registered and its secret, shown once
// (GraphQL CreateWebhookPayload).
type Created struct {
	Webhook *ent.Webhook `json:"webhook"`
	Secret  string       `json:"secret"`
}
