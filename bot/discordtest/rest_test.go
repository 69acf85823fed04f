package discordtest_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/discordtest"
)

func TestSpecFound(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	path, built := srv.Spec()
	if path == "" {
		t.Skip("no Discord OpenAPI spec beside the repository: spec validation is off")
	}
	t.Logf("spec %s: trimmed validator built in %v (once per test binary)", path, built)
}

func TestBulkOverwriteCommands(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := srv.Session("test-token")
	perm := int64(discordgo.PermissionAdministrator)
	defs := []*discordgo.ApplicationCommand{
		{Name: "news", Description: "Latest cooperation news", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "university", Description: "Which one", Required: true, Autocomplete: true},
		}},
		{Name: "subscribe", Description: "Follow a university", DefaultMemberPermissions: &perm},
	}
	got, err := dg.ApplicationCommandBulkOverwrite(srv.AppID, "", defs)
	if err != nil {
		t.Fatalf("ApplicationCommandBulkOverwrite() = %v", err)
	}
	if len(got) != 2 || got[0].ID == "" || got[0].ApplicationID != srv.AppID {
		t.Errorf("ApplicationCommandBulkOverwrite() = %+v; want 2 commands with ids", got)
	}
	firstID := got[0].ID
	// Overwriting again keeps the id of a command that stays.
	if got, err = dg.ApplicationCommandBulkOverwrite(srv.AppID, "", defs[:1]); err != nil || got[0].ID != firstID {
		t.Errorf("second overwrite = %v, %v; want news with id %s", got, err, firstID)
	}
	if cs := srv.Commands(""); len(cs) != 1 || cs[0].Name != "news" {
		t.Errorf("Commands(\"\") = %v; want news only", cs)
	}
	if _, err := dg.ApplicationCommandCreate(srv.AppID, "1300000000000000001", &discordgo.ApplicationCommand{Name: "about", Description: "About coopbot"}); err != nil {
		t.Errorf("ApplicationCommandCreate(guild) = %v", err)
	}
	if cs := srv.Commands("1300000000000000001"); len(cs) != 1 {
		t.Errorf("guild Commands() = %v; want about", cs)
	}
}

// messageWithNonce is how a bot sends a nonce: discordgo.MessageSend has no
// such field.
type messageWithNonce struct {
	discordgo.MessageSend
	Nonce        string `json:"nonce,omitempty"`
	EnforceNonce bool   `json:"enforce_nonce,omitempty"`
}

func TestMessageNonceDedupe(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := srv.Session("test-token")
	const channel = "1300000000000000002"
	endpoint := discordgo.EndpointChannelMessages(channel)
	post := func(nonce string) *discordgo.Message {
		t.Helper()
		body := messageWithNonce{MessageSend: discordgo.MessageSend{Content: "new article"}, Nonce: nonce, EnforceNonce: true}
		b, err := dg.RequestWithBucketID("POST", endpoint, body, endpoint)
		if err != nil {
			t.Fatalf("post with nonce %q: %v", nonce, err)
		}
		var m discordgo.Message
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return &m
	}
	a, b, c := post("article-42"), post("article-42"), post("article-43")
	if a.ID != b.ID || a.ID == c.ID {
		t.Errorf("ids = %s, %s, %s; want the first two equal, the third new", a.ID, b.ID, c.ID)
	}
	if ms := srv.Messages(channel); len(ms) != 2 {
		t.Errorf("Messages() = %d messages; want 2", len(ms))
	}
	last := srv.Requests()[len(srv.Requests())-1]
	if last.Route != "POST /channels/{channel_id}/messages" || !strings.Contains(string(last.Body), `"nonce":"article-43"`) {
		t.Errorf("last request = %s %q; want the full message post recorded", last.Route, last.Body)
	}
}

func TestRejections(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t, discordtest.ExpectRejections())
	dg := srv.Session("test-token")
	code := func(err error) int {
		var re *discordgo.RESTError
		if errors.As(err, &re) && re.Message != nil {
			return re.Message.Code
		}
		return -1
	}
	const channel = "1300000000000000002"
	embed := &discordgo.MessageEmbed{Title: strings.Repeat("t", 300)}
	if _, err := dg.ChannelMessageSendEmbed(channel, embed); code(err) != 50035 {
		t.Errorf("300-character embed title = %v; want 50035", err)
	}
	if _, err := dg.ChannelMessageSend(channel, strings.Repeat("é", 2001)); code(err) != 50035 {
		t.Errorf("2001-character content = %v; want 50035", err)
	}
	if _, err := dg.ChannelMessageSend(channel, strings.Repeat("é", 2000)); err != nil {
		t.Errorf("2000-character content = %v; want success", err)
	}
	if _, err := dg.ChannelMessageSendComplex(channel, &discordgo.MessageSend{}); code(err) != 50006 {
		t.Errorf("empty message = %v; want 50006", err)
	}
	if _, err := dg.ApplicationCommandCreate(srv.AppID, "", &discordgo.ApplicationCommand{Name: "News", Description: "d"}); code(err) != 50035 {
		t.Errorf("upper-case command name = %v; want 50035", err)
	}
	if _, err := dg.Request("GET", discordgo.EndpointAPI+"users/@me/nothing", nil); code(err) != 0 || err == nil {
		t.Errorf("unknown route = %v; want Discord's 404", err)
	}
	noAuth := srv.Session("")
	noAuth.Token = ""
	if _, err := noAuth.ChannelMessages(channel, 10, "", "", ""); err == nil {
		t.Errorf("request without a token succeeded; want 401")
	}
	rej := srv.Rejections()
	if len(rej) != 6 {
		t.Fatalf("Rejections() = %q; want 6", rej)
	}
	if path, _ := srv.Spec(); path != "" && !strings.Contains(rej[0], "spec:") {
		t.Errorf("first rejection = %q; want the spec to catch the embed title", rej[0])
	}
}

func TestFaults(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := srv.Session("test-token")
	const channel = "1300000000000000002"
	srv.InjectFault("POST /channels/{id}/messages", discordtest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 50 * time.Millisecond})
	start := time.Now()
	if _, err := dg.ChannelMessageSend(channel, "after a 429"); err != nil {
		t.Fatalf("ChannelMessageSend() after a 429 = %v; want a retried success", err)
	}
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("retry after %v; want at least retry_after", d)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || reqs[0].Status != 429 || reqs[1].Status != 200 {
		t.Errorf("requests = %d, first %d; want a 429 then a 200", len(reqs), reqs[0].Status)
	}
	var body struct {
		Message    string  `json:"message"`
		RetryAfter float64 `json:"retry_after"`
		Global     bool    `json:"global"`
	}
	if json.Unmarshal(reqs[0].Response, &body); body.Message != "You are being rate limited." || body.RetryAfter != 0.05 {
		t.Errorf("429 body = %s; want Discord's", reqs[0].Response)
	}

	srv.InjectFault("POST /channels/{id}/messages", discordtest.MissingPermissions)
	var re *discordgo.RESTError
	if _, err := dg.ChannelMessageSend(channel, "x"); !errors.As(err, &re) || re.Message.Code != 50013 || re.Response.StatusCode != 403 {
		t.Errorf("with MissingPermissions, ChannelMessageSend() = %v; want 403 50013", err)
	}
	srv.InjectFault("* *", discordtest.Fault{Status: 500, Times: 2})
	if _, err := dg.ChannelMessages(channel, 1, "", "", ""); !errors.As(err, &re) || re.Response.StatusCode != 500 {
		t.Errorf("with a 500 fault, ChannelMessages() = %v; want 500", err)
	}
	srv.InjectFault("GET /channels/{id}/messages", discordtest.Fault{Latency: 30 * time.Millisecond})
	if _, err := dg.ChannelMessages(channel, 1, "", "", ""); err == nil {
		t.Errorf("the second 500 did not apply")
	}
	start = time.Now()
	if ms, err := dg.ChannelMessages(channel, 1, "", "", ""); err != nil || len(ms) != 1 || time.Since(start) < 30*time.Millisecond {
		t.Errorf("with latency, ChannelMessages() = %v, %v after %v; want the message after 30ms", ms, err, time.Since(start))
	}
}

func TestRateLimitsEnforced(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t, discordtest.WithRateLimits())
	hc := srv.Client()
	const url = "https://discord.com/api/v10/channels/1300000000000000002/messages"
	var statuses []int
	for range 6 {
		req, _ := http.NewRequest("POST", url, strings.NewReader(`{"content":"x"}`))
		req.Header.Set("Authorization", "Bot t")
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		statuses = append(statuses, resp.StatusCode)
		if resp.Header.Get("X-RateLimit-Limit") != "5" || resp.Header.Get("X-RateLimit-Bucket") == "" {
			t.Errorf("headers = %v; want a limit of 5 and a bucket", resp.Header)
		}
		if resp.StatusCode == 429 && resp.Header.Get("Retry-After") == "" {
			t.Errorf("429 without Retry-After")
		}
	}
	if statuses[4] != 200 || statuses[5] != 429 {
		t.Errorf("statuses = %v; want 5 successes then 429", statuses)
	}
}

func TestClientRefusesOtherHosts(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	if _, err := srv.Client().Get("https://example.com/"); err == nil || !strings.Contains(err.Error(), "refusing") {
		t.Errorf("Get(example.com) = %v; want a refusal", err)
	}
	resp, err := srv.Client().Get("https://discord.com/api/v10/gateway")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var g struct{ URL string }
	json.NewDecoder(resp.Body).Decode(&g)
	if g.URL != srv.GatewayURL {
		t.Errorf("GET /gateway url = %q; want %q", g.URL, srv.GatewayURL)
	}
	// A bot pointed at the fake by base URL reaches the same routes.
	resp2, err := http.Get(srv.URL + "/api/v9/gateway")
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if resp2.StatusCode != 200 || resp2.Header.Get("X-RateLimit-Limit") == "" {
		t.Errorf("GET URL/api/v9/gateway = %d %v; want 200 with rate-limit headers", resp2.StatusCode, resp2.Header)
	}
}

func TestLimitsWithoutSpec(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t, discordtest.WithSpec("-"), discordtest.ExpectRejections())
	if path, _ := srv.Spec(); path != "" {
		t.Fatalf("Spec() = %q; want none", path)
	}
	dg := srv.Session("test-token")
	embeds := []*discordgo.MessageEmbed{{Description: strings.Repeat("a", 4000)}, {Description: strings.Repeat("b", 2001)}}
	if _, err := dg.ChannelMessageSendEmbeds("1300000000000000002", embeds); err == nil {
		t.Errorf("6001 characters across embeds accepted; want 50035")
	}
	if rej := srv.Rejections(); len(rej) != 1 || !strings.Contains(rej[0], "limits: embeds: 6001 characters across all embeds") {
		t.Errorf("Rejections() = %q; want the 6000 limit", rej)
	}
}
