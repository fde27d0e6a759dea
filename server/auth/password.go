package auth

import (
	_ "embed"
	"runtime/debug"
	"strings"
	"unicode"

	"github.com/alexedwards/argon2id"

	"github.com/progetto-win/win/domain/fault"
)

// Lengths of a new password: NIST 800-63B asks for at least 8 (we ask 12)
// and for allowing at least 64; the cap keeps hashing cheap.
const (
	MinPasswordLength = 12
	MaxPasswordLength = 128
)

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

// Account is what a password must not be made of: the e-mail and name of
// the account it is for.
type Account struct {
	Email string
	Name  string
}

// CheckPassword says what is wrong with a new password for an account, if
// anything; field is the name the client sent it under.
func CheckPassword(field, password string, account Account) error {
	n := len([]rune(password))
	switch {
	case strings.TrimSpace(password) == "":
		return fault.Invalidf(field, "must not be only spaces")
	case n < MinPasswordLength:
		return fault.Invalidf(field, "must have at least %d characters", MinPasswordLength)
	case n > MaxPasswordLength:
		return fault.Invalidf(field, "must have at most %d characters", MaxPasswordLength)
	case oneCharacter(password):
		return fault.Invalidf(field, "must not repeat a single character")
	case commonPasswords[strings.ToLower(password)]:
		return fault.Invalidf(field, "is among the most common passwords: choose another")
	case containsAccount(password, account):
		return fault.Invalidf(field, "must not contain your e-mail address or your name")
	}
	return nil
}

func oneCharacter(s string) bool {
	r := []rune(s)
	return strings.Count(s, string(r[0])) == len(r)
}

// containsAccount reports whether a password holds the account's e-mail,
// its part before the @ or the name, ignoring case, spaces and dots:
// the first words an attacker who knows the account tries. Parts shorter
// than four letters are too common to refuse.
func containsAccount(password string, account Account) bool {
	pw := letters(password)
	local, _, _ := strings.Cut(account.Email, "@")
	for _, part := range []string{account.Email, local, account.Name} {
		if p := letters(part); len([]rune(p)) >= 4 && strings.Contains(pw, p) {
			return true
		}
	}
	return false
}

// letters lower-cases s and drops spaces and punctuation, so that
// "Mario Rossi" and "mario.rossi" compare equal.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// HashPassword returns the argon2id hash of a password, waiting for a
// hashing slot (see hashing.go).
func HashPassword(password string) (hash string, err error) {
	err = withHashSlot(func() {
		hash, err = argon2id.CreateHash(password, argon2id.DefaultParams)
	})
	return hash, err
}

// dummyHash is compared against when the account does not exist, so that
// a sign-in takes as long whether the e-mail is known or not. Its 64 MiB
// go back to the system at once, as after every hash (withHashSlot).
var dummyHash = func() string {
	hash, _ := argon2id.CreateHash("not-a-password-of-anyone", argon2id.DefaultParams)
	debug.FreeOSMemory()
	return hash
}()

// passwordMatches compares a password with a hash, or with dummyHash when
// there is none; it fails only when no hashing slot frees in time.
func passwordMatches(password, hash string) (ok bool, err error) {
	if hash == "" {
		hash = dummyHash
	}
	err = withHashSlot(func() {
		var cerr error
		ok, cerr = argon2id.ComparePasswordAndHash(password, hash)
		ok = ok && cerr == nil
	})
	return ok, err
}
