package auth

import (
	_ "embed"
	"strings"

	"github.com/alexedwards/argon2id"

	"github.com/progetto-win/win/ent/schema/fault"
)

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 12

//go:embed common-passwords.txt
var commonPasswordList string

// commonPasswords are passwords that appear first in leaked lists, and the
// obvious ones of this network; they are refused whatever their length.
var commonPasswords = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonPasswordList, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[strings.ToLower(line)] = true
		}
	}
	return m
}()

// CheckPassword says what is wrong with a new password, if anything.
func CheckPassword(password string) error {
	if len([]rune(password)) < MinPasswordLength {
		return fault.Invalidf("newPassword", "must have at least %d characters", MinPasswordLength)
	}
	if commonPasswords[strings.ToLower(password)] {
		return fault.Invalidf("newPassword", "is among the most common passwords: choose another")
	}
	return nil
}

// HashPassword returns the argon2id hash of a password.
func HashPassword(password string) (string, error) {
	return argon2id.CreateHash(password, argon2id.DefaultParams)
}

// dummyHash is compared against when the account does not exist, so that
// a sign-in takes as long whether the e-mail is known or not.
var dummyHash, _ = HashPassword("not-a-password-of-anyone")

func passwordMatches(password, hash string) bool {
	if hash == "" {
		hash = dummyHash
	}
	ok, err := argon2id.ComparePasswordAndHash(password, hash)
	return err == nil && ok
}
