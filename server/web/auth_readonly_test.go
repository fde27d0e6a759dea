package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// typeRef is an introspected type reference.
type typeRef struct {
	Kind   string
	Name   *string
	OfType *typeRef
}

// named returns the named type under NON_NULL and LIST wrappers.
func (t typeRef) named() typeRef {
	for t.OfType != nil {
		t = *t.OfType
	}
	return t
}

// String writes the reference in GraphQL's syntax, e.g. [ID!]!.
func (t typeRef) String() string {
	switch t.Kind {
	case "NON_NULL":
		return t.OfType.String() + "!"
	case "LIST":
		return "[" + t.OfType.String() + "]"
	}
	return *t.Name
}

type inputValue struct {
	Name string
	Type typeRef
}

type schemaTypes struct {
	Schema struct {
		MutationType struct {
			Fields []struct {
				Name string
				Args []inputValue
				Type typeRef
			}
		}
		Types []struct {
			Kind        string
			Name        string
			InputFields []inputValue
			EnumValues  []struct{ Name string }
		}
	} `json:"__schema"`
}

// sample builds a value of a type that passes GraphQL validation: what a
// client could send, so that only the operation's type can refuse it.
func (s schemaTypes) sample(t typeRef) any {
	switch t.Kind {
	case "NON_NULL":
		return s.sample(*t.OfType)
	case "LIST":
		return []any{s.sample(*t.OfType)}
	}
	for _, ty := range s.Schema.Types {
		if ty.Name != *t.Name {
			continue
		}
		switch ty.Kind {
		case "ENUM":
			return ty.EnumValues[0].Name
		case "INPUT_OBJECT":
			out := map[string]any{}
			for _, f := range ty.InputFields {
				if f.Type.Kind == "NON_NULL" {
					out[f.Name] = s.sample(f.Type)
				}
			}
			return out
		}
	}
	switch *t.Name {
	case "Int":
		return 1
	case "Float":
		return 1.5
	case "Boolean":
		return true
	case "Time":
		return "2026-01-01T00:00:00Z"
	case "Date":
		return "2026-01-01"
	}
	return "usr_x" // ID, String, Cursor
}

// TestReadOnlyTokenMutatesNothing sends every mutation of the schema,
// with arguments that pass validation, through a read-only token: each is
// refused as FORBIDDEN naming the read-only token, and the account's
// password, sessions and tokens are untouched — the account mutations
// write as the system, which the data layer's rules let through.
func TestReadOnlyTokenMutatesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.Browser(t, db)
		a.SignIn(rightPassword)
		ctx := rule.SystemContext(context.Background())
		tok, secret, err := auth.New(a.Client).CreateToken(ctx, &viewer.Viewer{UserID: a.UserID}, "lettura", apitoken.ScopeRead, time.Now().Add(time.Hour), auth.Request{})
		if err != nil {
			t.Fatal(err)
		}
		reader := &webtest.API{T: t, Handler: a.Handler, Client: a.Client, Token: secret}
		before := a.Client.User.GetX(ctx, a.UserID).PasswordHash
		sessionID := a.Client.Session.Query().OnlyIDX(ctx)

		var types schemaTypes
		reader.OK(`{ __schema {
			mutationType { fields { name type { ...T } args { name type { ...T } } } }
			types { kind name inputFields { name type { ...T } } enumValues { name } } }
		}
		fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`, nil, &types)
		fields := types.Schema.MutationType.Fields
		if len(fields) < 50 {
			t.Fatalf("only %d mutations found", len(fields))
		}
		// The account's own mutations, with arguments that would succeed.
		succeeding := map[string]map[string]any{
			"changePassword": {"input": map[string]any{"currentPassword": rightPassword, "newPassword": "un'altra-password-lunga", "revokeApiTokens": true}},
			"endSession":     {"id": sessionID},
			"revokeApiToken": {"id": tok.ID},
			"login":          {"input": map[string]any{"email": operatorEmail, "password": rightPassword}},
		}
		for _, f := range fields {
			var decl, args []string
			vars := map[string]any{}
			for _, arg := range f.Args {
				decl = append(decl, fmt.Sprintf("$%s: %s", arg.Name, arg.Type))
				args = append(args, fmt.Sprintf("%s: $%s", arg.Name, arg.Name))
				vars[arg.Name] = types.sample(arg.Type)
				if v, ok := succeeding[f.Name][arg.Name]; ok {
					vars[arg.Name] = v
				}
			}
			query := "mutation"
			if len(decl) > 0 {
				query += "(" + strings.Join(decl, ", ") + ")"
			}
			selection := ""
			if kind := f.Type.named().Kind; kind == "OBJECT" || kind == "INTERFACE" || kind == "UNION" {
				selection = " { __typename }"
			}
			query += " { " + f.Name
			if len(args) > 0 {
				query += "(" + strings.Join(args, ", ") + ")"
			}
			query += selection + " }"
			r := reader.Post(query, vars)
			if r.Code() != "FORBIDDEN" || !strings.Contains(r.Errors[0].Message, "read-only API token") {
				t.Errorf("%s through a read-only token: %s", f.Name, r.Raw)
			}
		}

		if a.Client.User.GetX(ctx, a.UserID).PasswordHash != before {
			t.Error("the password changed")
		}
		if !a.Client.Session.Query().ExistX(ctx) || a.Client.APIToken.GetX(ctx, tok.ID).RevokedAt != nil {
			t.Error("a session ended or the token was revoked")
		}
		if a.ViewerEmail() != operatorEmail {
			t.Error("the browser session no longer works")
		}
	})
}
