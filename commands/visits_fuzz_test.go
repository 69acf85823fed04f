package commands

import (
	"context"
	"testing"

	"github.com/coopbot/coopbot/commands/limits"
)

// FuzzVisitsDates answers /visits from:A to:B for any A and B: never an
// apology or an error, and always a reply within Discord's limits, with
// its buttons' custom ids too.
func FuzzVisitsDates(f *testing.F) {
	r := NewRouter(seedLib(), &memStore{})
	f.Fuzz(func(t *testing.T, from, to string) {
		values := []string{}
		if from != "" {
			values = append(values, "from", from)
		}
		if to != "" {
			values = append(values, "to", to)
		}
		reply, err := r.Handle(context.Background(), command(t, member, "visits", values...))
		if err != nil {
			t.Fatalf("/visits from:%q to:%q = %v", from, to, err)
		}
		if err := limits.ValidateResponse(reply.Response); err != nil {
			t.Fatalf("/visits from:%q to:%q breaks Discord's limits: %v", from, to, err)
		}
		if d := reply.Response.Data; d == nil || d.Content == Apology || d.Content == "" && len(d.Embeds) == 0 {
			t.Fatalf("/visits from:%q to:%q = %+v; want an answer", from, to, d)
		}
	})
}
