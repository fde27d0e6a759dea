package notify

import "github.com/progetto-win/win/domain"

// Preference is how a user hears of a kind of event (GraphQL
// NotificationPreference): their choice, or the kind's default.
type Preference struct {
	Kind            domain.EventKind `json:"kind"`
	Delivery        domain.Delivery  `json:"delivery"`
	DefaultDelivery domain.Delivery  `json:"defaultDelivery"`
}
