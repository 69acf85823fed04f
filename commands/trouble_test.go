package commands

import (
	"context"
	"strings"
	"testing"

	"github.com/coopbot/coopbot/commands/limits"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// /subscriptions shows the channels whose posts keep failing, with how,
// within the line's room; paused subscriptions show their pause instead.
func TestSubscriptionsShowFailingPosts(t *testing.T) {
	store := &memStore{}
	long := strings.Repeat("scholarship ", 40)
	for _, s := range []subscription.Subscription{
		{GuildID: "g1", ChannelID: "c1", Filter: knowledge.Filter{Keywords: long}, State: subscription.Active},
		{GuildID: "g1", ChannelID: "c2", State: subscription.Active},
		{GuildID: "g1", ChannelID: "c3", State: subscription.Paused, PausedReason: "missing access (50001)"},
	} {
		if _, err := store.SaveSubscription(s); err != nil {
			t.Fatal(err)
		}
	}
	failing := map[string]string{
		"c1": "12 failed tries since 2026-12-02 16:02 UTC: Discord answered 503 Service Unavailable",
		"c3": "3 failed tries since 2026-12-02 16:02 UTC: Discord answered 403 Forbidden",
	}
	r := NewRouter(seedLib(), store, WithTrouble(func(ch string) string { return failing[ch] }))
	reply, err := r.Handle(context.Background(), command(t, moderator, "subscriptions"))
	if err != nil {
		t.Fatal(err)
	}
	if err := limits.ValidateResponse(reply.Response); err != nil {
		t.Errorf("response breaks Discord's limits: %v", err)
	}
	lines := strings.Split(textOf(reply.Response.Data), "\n")
	find := func(ch string) string {
		for _, l := range lines {
			if strings.Contains(l, "<#"+ch+">") {
				return l
			}
		}
		t.Fatalf("no line for %s in:\n%s", ch, strings.Join(lines, "\n"))
		return ""
	}
	if l := find("c1"); !strings.Contains(l, "**posts failing**: 12 failed tries since 2026-12-02 16:02 UTC: Discord answered 503 Service Unavailable") {
		t.Errorf("c1's line = %q; want its failing posts, whole, after the long filter", l)
	}
	if l := find("c2"); strings.Contains(l, "failing") {
		t.Errorf("c2's line = %q; want no trouble", l)
	}
	if l := find("c3"); strings.Contains(l, "failing") || !strings.Contains(l, "**paused**") {
		t.Errorf("c3's line = %q; want it paused, not failing", l)
	}
}
