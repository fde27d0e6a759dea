package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
)

// errBadSecret is a secret that is not whsec_ and base64: never one WIN
// made.
var errBadSecret = errors.New("the signing secret is not whsec_ followed by base64")

// Sign returns the value of the webhook-signature header of a message,
// as Standard Webhooks defines it: "v1," and the base64 HMAC-SHA256, with
// the secret's bytes (the base64 after whsec_) as key, of the message's
// ID, its timestamp (Unix seconds) and its body, joined by dots.
func Sign(secret, id string, timestamp int64, body []byte) (string, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, secretPrefix))
	if err != nil || !strings.HasPrefix(secret, secretPrefix) {
		return "", errBadSecret
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + strconv.FormatInt(timestamp, 10) + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
}
