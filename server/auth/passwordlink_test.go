package auth_test

import (
	"context"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent/passwordtoken"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestResetRequestCostsTheSame: a request for a reset runs the same
// statements whether the account exists, is disabled or does not exist —
// the look-up and the link happen after the answer, off its count — so
// neither the answer nor its cost tells who has an account.
func TestResetRequestCostsTheSame(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		s := auth.New(db.Client())
		t.Cleanup(s.Flush)
		account(t, s, "attiva@prova.example", domain.RoleOperator)
		off := account(t, s, "disattivata@prova.example", domain.RoleOperator)
		s.Client.User.UpdateOneID(off.ID).SetDisabled(true).ExecX(ctx)

		counts := map[string]int64{}
		for _, email := range []string{"attiva@prova.example", "disattivata@prova.example", "nessuno@prova.example"} {
			rctx, n := store.CountStatements(context.Background())
			if err := s.RequestPasswordReset(rctx, email, auth.Request{ClientAddress: "192.0.2.1"}); err != nil {
				t.Fatal(err)
			}
			s.WaitLinks() // the work behind it must not add to the request's count
			counts[email] = n.Load()
		}
		if counts["attiva@prova.example"] != counts["nessuno@prova.example"] || counts["disattivata@prova.example"] != counts["nessuno@prova.example"] {
			t.Errorf("statements on the request's path: %v", counts)
		}
		// The work behind the answer did happen, for the enabled account only.
		if n := s.Client.PasswordToken.Query().CountX(ctx); n != 1 {
			t.Errorf("%d links issued, want 1", n)
		}
		if tok := s.Client.PasswordToken.Query().OnlyX(ctx); tok.Purpose != passwordtoken.PurposeRESET || tok.ExpiresAt.Sub(tok.CreatedAt) != auth.ResetValidity {
			t.Errorf("link %+v", tok)
		}
	})
}
