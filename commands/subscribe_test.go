package commands

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/commands/limits"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// TestSubscriptionFlow subscribes, refuses a duplicate, shows and resumes a
// paused subscription, completes and removes one.
func TestSubscriptionFlow(t *testing.T) {
	store := &memStore{}
	now := time.Date(2025, 11, 20, 8, 0, 0, 0, time.UTC)
	r := NewRouter(seedLib(), store, WithClock(func() time.Time { return now }))
	// The moderator manages c9 too, as Discord says of the resolved channel.
	ctx := WithChannelPermissions(context.Background(), ChannelPermissions{"c9": moderator})
	run := func(in *discordgo.Interaction) string {
		t.Helper()
		reply, err := r.Handle(ctx, in)
		if err != nil {
			t.Fatalf("Handle(%s) = %v", in.Data, err)
		}
		if err := limits.ValidateResponse(reply.Response); err != nil {
			t.Errorf("response breaks Discord's limits: %v", err)
		}
		return textOf(reply.Response.Data)
	}
	expect := func(text string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("reply lacks %q; it reads:\n%s", w, text)
			}
		}
	}

	expect(run(command(t, moderator, "subscribe", "institution", "HUMG")), "Subscribed", "`/unsubscribe subscription:1`")
	expect(run(command(t, moderator, "subscribe", "institution", "hanoi university of mining and geology")), "already follows", "nothing changed")
	expect(run(command(t, moderator, "subscribe", "country", "China", "keywords", "summer  camp")), "Subscribed", "country: China, keywords: summer camp")
	expect(run(command(t, moderator, "subscribe", "channel", "c9")), "<#c9>", "every article")

	subs, _ := store.Subscriptions("g1", "c1")
	if len(subs) != 2 || subs[0].Filter != (knowledge.Filter{Institution: "Hanoi University of Mining and Geology"}) ||
		subs[0].CreatedBy != "u1" || !subs[0].CreatedAt.Equal(now) || subs[0].State != subscription.Active {
		t.Fatalf("stored subscriptions of c1 = %+v", subs)
	}

	// Delivery lost access: the subscription is paused with a reason.
	subs[0].State, subs[0].PausedReason = subscription.Paused, "missing access (50001)"
	if _, err := store.SaveSubscription(subs[0]); err != nil {
		t.Fatal(err)
	}
	listed := run(command(t, member, "subscriptions"))
	expect(listed, "Subscriptions of this channel", "**paused**: missing access (50001)")
	if strings.Contains(listed, "<#c9>") {
		t.Errorf("a member's /subscriptions shows another channel's:\n%s", listed)
	}
	expect(run(command(t, moderator, "subscriptions")), "Subscriptions of this server", "<#c9>", "3 subscriptions")

	// Subscribing again in the channel resumes it.
	expect(run(command(t, moderator, "subscribe", "institution", "HUMG")), "Subscription resumed", "Resumed `1`")
	if subs, _ := store.Subscriptions("g1", "c1"); subs[0].State != subscription.Active || subs[0].PausedReason != "" {
		t.Errorf("after /subscribe, subscription 1 = %+v; want active", subs[0])
	}

	expect(run(typing(t, moderator, "unsubscribe", "subscription", "subscription", "2")), "2 · country: China, keywords: summer camp")
	expect(run(typing(t, moderator, "unsubscribe", "subscription", "subscription", "chi")), "country: China")
	expect(run(command(t, member, "unsubscribe", "subscription", "1")), "Manage Channels")
	expect(run(command(t, moderator, "unsubscribe")), "This channel has 2 subscriptions")
	expect(run(command(t, moderator, "unsubscribe", "subscription", "1")), "Unsubscribed", "Removed `1`")
	expect(run(command(t, moderator, "unsubscribe")), "Unsubscribed", "Removed `2`")
	if subs, _ := store.Subscriptions("g1", ""); len(subs) != 1 || subs[0].ChannelID != "c9" {
		t.Errorf("left after unsubscribing = %+v; want only c9's", subs)
	}

	// Another guild's subscription cannot be removed from here.
	other, _ := store.SaveSubscription(subscription.Subscription{GuildID: "g2", ChannelID: "x", State: subscription.Active})
	expect(run(command(t, admin, "unsubscribe", "subscription", other.ID)), "no subscription")
}
