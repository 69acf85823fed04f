package delivery_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/console"
	"github.com/coopbot/coopbot/bot/delivery"
	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/commands"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

const postRoute = "POST /channels/{channel_id}/messages"

// channels returns n channel ids.
func channels(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("15000000000000%05d", i)
	}
	return out
}

// A storm of 429s on the route and a global 429, against a fake that
// enforces Discord's limits, end with every post delivered once.
func TestDeliveryRateLimitStorm(t *testing.T) {
	t.Parallel()
	e := newDeliveryEnv(t, []discordtest.Option{discordtest.WithRateLimits(), discordtest.WithSpec("-")})
	chs := channels(20)
	want := map[string]int{}
	for _, ch := range chs {
		e.subscribe(ch, knowledge.Filter{})
		want[ch] = 2
	}
	e.fake.InjectFault("*", discordtest.Fault{Status: http.StatusTooManyRequests, Global: true, RetryAfter: 300 * time.Millisecond, Times: 2})
	e.fake.InjectFault(postRoute, discordtest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 50 * time.Millisecond, Times: 30})
	e.start()
	e.copyFile(incoming("incoming_mou.txt"), "incoming_mou.txt") // March 2024
	e.copyFile(incoming("korea_trip.txt"), "korea_trip.txt")     // September 2024
	e.waitPosts(want, 10*time.Second)
	for _, ch := range chs {
		msgs := e.fake.Messages(ch)
		if len(msgs) == 2 && !strings.Contains(msgs[0].Embeds[0].Footer.Text, "incoming_mou") {
			t.Errorf("channel %s got %q first; want the older incoming_mou.txt", ch, msgs[0].Embeds[0].Footer.Text)
		}
	}
	if n, err := e.store.Pending(); err != nil || n != 0 {
		t.Errorf("Pending() = %d, %v; want an empty outbox", n, err)
	}
}

// A 502 then a success posts once, the retry carrying the same nonce; a
// post whose request timed out after it landed is not posted twice: the
// fake's nonce dedupe sees the retry.
func TestDeliveryRetryKeepsNonce(t *testing.T) {
	t.Parallel()
	e := newDeliveryEnv(t, []discordtest.Option{discordtest.WithSpec("-")}, delivery.WithPostTimeout(200*time.Millisecond))
	const slow = "1500000000000099999"
	e.subscribe(chAll, knowledge.Filter{})
	e.subscribe(slow, knowledge.Filter{})
	e.fake.InjectFault("POST /channels/"+chAll+"/messages", discordtest.Fault{Status: http.StatusBadGateway})
	e.fake.InjectFault("POST /channels/"+slow+"/messages", discordtest.Fault{Latency: 700 * time.Millisecond})
	e.start()
	e.copyFile(incoming("korea_trip.txt"), "korea_trip.txt")
	e.waitPosts(map[string]int{chAll: 1, slow: 1}, 5*time.Second)
	time.Sleep(600 * time.Millisecond) // the slow first attempt lands now
	for _, ch := range []string{chAll, slow} {
		if n := len(e.fake.Messages(ch)); n != 1 {
			t.Errorf("channel %s has %d posts; want 1", ch, n)
		}
		var nonces []string
		for _, r := range e.fake.Requests() {
			if r.Route == postRoute && strings.Contains(r.Path, ch) {
				var body struct{ Nonce string }
				json.Unmarshal(r.Body, &body)
				nonces = append(nonces, body.Nonce)
			}
		}
		if len(nonces) != 2 || nonces[0] != nonces[1] {
			t.Errorf("posts to %s carried nonces %q; want two attempts with the same nonce", ch, nonces)
		}
	}
}

// A revoked permission pauses that channel's subscription with the reason;
// the other channels still get their posts; /subscriptions shows it
// paused and /subscribe there resumes it.
func TestDeliveryPausesLostChannel(t *testing.T) {
	t.Parallel()
	e := newDeliveryEnv(t, []discordtest.Option{discordtest.WithSpec("-")})
	chs := channels(3)
	for _, ch := range chs {
		e.subscribe(ch, knowledge.Filter{})
	}
	e.fake.InjectFault("POST /channels/"+chs[1]+"/messages", discordtest.MissingPermissions)
	e.start()
	e.copyFile(incoming("korea_trip.txt"), "korea_trip.txt")
	e.waitPosts(map[string]int{chs[0]: 1, chs[1]: 0, chs[2]: 1}, 5*time.Second)
	e.waitLog("subscription paused", time.Second)
	subs, err := e.store.Subscriptions("", chs[1])
	if err != nil || len(subs) != 1 || subs[0].State != subscription.Paused || subs[0].PausedReason != "missing permissions (50013)" {
		t.Fatalf("subscription of the lost channel = %+v, %v; want paused for missing permissions (50013)", subs, err)
	}

	r := commands.NewRouter(e.lib, e.store, commands.WithSync(e.d.Sync), commands.WithBackfill(e.d.Backfill))
	if text := handle(t, r, chs[1], commands.CmdSubscriptions, nil); !strings.Contains(text, "paused") || !strings.Contains(text, "50013") {
		t.Errorf("/subscriptions = %q; want the subscription shown paused with its reason", text)
	}
	handle(t, r, chs[1], commands.CmdSubscribe, map[string]string{commands.OptBackfill: "1"})
	e.waitPosts(map[string]int{chs[0]: 1, chs[1]: 1, chs[2]: 1}, 5*time.Second)
}

// /subscribe backfill:N posts the N latest matching articles, oldest
// first; /reload delivers what it adds.
func TestDeliveryBackfillAndReload(t *testing.T) {
	t.Parallel()
	e := newDeliveryEnv(t, []discordtest.Option{discordtest.WithSpec("-")})
	e.start()
	// The subscription is dated before the article /reload adds, to which it is news.
	r := commands.NewRouter(e.lib, e.store, commands.WithSync(e.d.Sync), commands.WithBackfill(e.d.Backfill),
		commands.WithClock(func() time.Time { return subscribedAt }))
	handle(t, r, chAll, commands.CmdSubscribe, map[string]string{commands.OptBackfill: "3"})
	e.waitPosts(map[string]int{chAll: 3}, 5*time.Second)
	latest, err := e.lib.Latest(context.Background(), 3, knowledge.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range e.fake.Messages(chAll) {
		if want := "Source: " + latest[2-i].File; m.Embeds[0].Footer.Text != want {
			t.Errorf("backfill post %d is %q; want %q", i, m.Embeds[0].Footer.Text, want)
		}
	}
	// A file the watcher has not synced yet is delivered by /reload.
	e.stop()
	e.stop = nil
	e.copyFile(incoming("korea_trip.txt"), "korea_trip.txt")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go e.d.Run(ctx, "")
	handle(t, r, chAll, commands.CmdReload, nil)
	e.waitPosts(map[string]int{chAll: 4}, 5*time.Second)
}

// handle runs a command as a server admin in channel and returns the
// reply's text, deferred work included.
func handle(t *testing.T, r *commands.Router, channel, name string, values map[string]string) string {
	t.Helper()
	data, err := commands.CommandData(name, values, "")
	if err != nil {
		t.Fatal(err)
	}
	i := &discordgo.Interaction{
		ID: "1", Type: discordgo.InteractionApplicationCommand, Data: data, GuildID: "1300000000000000001", ChannelID: channel,
		Member: &discordgo.Member{User: &discordgo.User{ID: "2"}, Permissions: discordgo.PermissionAdministrator | discordgo.PermissionManageGuild | discordgo.PermissionManageChannels},
	}
	reply, err := r.Handle(context.Background(), i)
	if err != nil {
		t.Fatalf("/%s = %v", name, err)
	}
	d := reply.Response.Data
	if reply.Deferred != nil {
		edit, err := reply.Deferred(context.Background())
		if err != nil {
			t.Fatalf("/%s deferred = %v", name, err)
		}
		d = &discordgo.InteractionResponseData{Embeds: *edit.Embeds}
		if edit.Content != nil {
			d.Content = *edit.Content
		}
	}
	return console.Plain(d)
}

// A post that keeps failing is logged at Warn on its first failure and on
// every tenth after it, with the channel and the reason, and the channel
// shows in /subscriptions as failing until a post goes.
func TestDeliveryFailuresShow(t *testing.T) {
	t.Parallel()
	e := newDeliveryEnv(t, []discordtest.Option{discordtest.WithSpec("-")}, delivery.WithPostBackoff(10*time.Millisecond, 40*time.Millisecond))
	const ch = "1500000000000000777"
	e.subscribe(ch, knowledge.Filter{})
	e.fake.InjectFault("POST /channels/"+ch+"/messages", discordtest.Fault{Status: http.StatusServiceUnavailable, Times: 12})
	r := commands.NewRouter(e.lib, e.store, commands.WithTrouble(e.d.Trouble))
	e.start()
	e.copyFile(incoming("korea_trip.txt"), "korea_trip.txt")
	e.waitLog("failed_tries=1 ", 5*time.Second)
	if text := handle(t, r, ch, commands.CmdSubscriptions, nil); !strings.Contains(text, "posts failing") || !strings.Contains(text, "503") {
		t.Errorf("/subscriptions while posts fail = %q; want the channel shown failing, with Discord's 503", text)
	}
	e.waitPosts(map[string]int{ch: 1}, 5*time.Second)
	e.waitLog("posting works again", time.Second)
	var warned []string
	for _, line := range strings.Split(e.logs.String(), "\n") {
		if strings.Contains(line, "post failed") {
			if strings.Contains(line, "level=WARN") {
				warned = append(warned, line)
			} else if !strings.Contains(line, "level=DEBUG") {
				t.Errorf("failed post logged %q; want Warn or Debug", line)
			}
		}
	}
	if len(warned) != 2 || !strings.Contains(warned[0], "failed_tries=1 ") || !strings.Contains(warned[1], "failed_tries=11 ") {
		t.Errorf("failed posts at Warn:\n%s\nwant the 1st and the 11th of 12", strings.Join(warned, "\n"))
	}
	for _, w := range warned {
		if !strings.Contains(w, "channel="+ch) || !strings.Contains(w, `reason="Discord answered 503 Service Unavailable"`) {
			t.Errorf("failed post logged %q; want the channel and the reason", w)
		}
	}
	if text := handle(t, r, ch, commands.CmdSubscriptions, nil); strings.Contains(text, "failing") {
		t.Errorf("/subscriptions after the post went = %q; want no trouble", text)
	}
}
