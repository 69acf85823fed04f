package commands

import (
	"context"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// /subscribe channel:X needs Manage Channels in X, as Discord resolved it
// for X with its overwrites, not in the channel the command was typed in
// (issue 8): a moderator of c1 cannot subscribe c9 where they may not
// manage, and a member of c1 who manages c9 can.
func TestSubscribeChecksTheChosenChannel(t *testing.T) {
	for _, tc := range []struct {
		name     string
		perms    int64 // in c1, where the command is typed
		channel  string
		resolved ChannelPermissions // what Discord sent for the channel option
		ok       bool
	}{
		{"manages here, not there", moderator, "c9", ChannelPermissions{"c9": member}, false},
		{"manages there, not here", member, "c9", ChannelPermissions{"c9": moderator}, true},
		{"administrator there", member, "c9", ChannelPermissions{"c9": admin}, true},
		{"no permissions resolved", moderator, "c9", nil, false},
		{"administrator of the server", admin, "c9", nil, true},
		{"this channel, named", moderator, "c1", nil, true},
		{"this channel, by default", moderator, "", nil, true},
		{"member here", member, "", ChannelPermissions{"c1": moderator}, false},
	} {
		store := &memStore{}
		r := NewRouter(seedLib(), store)
		kv := []string{"keywords", "scholarship"}
		if tc.channel != "" {
			kv = append(kv, "channel", tc.channel)
		}
		ctx := context.Background()
		if tc.resolved != nil {
			ctx = WithChannelPermissions(ctx, tc.resolved)
		}
		reply, err := r.Handle(ctx, command(t, tc.perms, "subscribe", kv...))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		text := textOf(reply.Response.Data)
		subs, _ := store.Subscriptions("g1", "")
		if got := len(subs) == 1; got != tc.ok {
			t.Errorf("%s: subscribed = %v; want %v; reply:\n%s", tc.name, got, tc.ok, text)
		}
		if !tc.ok && (!strings.Contains(text, "Manage Channels") || tc.channel == "c9" && !strings.Contains(text, "<#c9>")) {
			t.Errorf("%s: refusal = %q; want it to name the permission and the channel", tc.name, text)
		}
	}
}

func TestResolvedChannelPermissions(t *testing.T) {
	raw := []byte(`{"type":2,"data":{"name":"subscribe","resolved":{"channels":{
		"c9":{"id":"c9","name":"news","type":0,"permissions":"16"},
		"c8":{"id":"c8","type":0},
		"c7":{"id":"c7","permissions":"not a number"}}}}}`)
	p, err := ResolvedChannelPermissions(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(p) != 1 || p["c9"] != discordgo.PermissionManageChannels {
		t.Errorf("ResolvedChannelPermissions() = %v; want c9: Manage Channels only", p)
	}
	if _, err := ResolvedChannelPermissions([]byte(`{"data":`)); err == nil {
		t.Errorf("ResolvedChannelPermissions(truncated) = nil error")
	}
}
