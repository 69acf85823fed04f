package delivery_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/commands/limits"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// Channels of the delivery tests.
const (
	chKorea    = "1400000000000000001"
	chKU       = "1400000000000000002"
	chDutch    = "1400000000000000003"
	chFootball = "1400000000000000004"
	chAll      = "1400000000000000005"
	chPaused   = "1400000000000000006"
)

// incoming returns the path of a test article that is not in the seeds.
func incoming(name string) string { return filepath.Join("..", "..", "knowledge", "testdata", name) }

// The first start posts nothing; a new article reaches only the channels
// whose subscriptions match it, once each, as a valid embed; a changed
// article is not posted again.
func TestDeliveryPostsToMatchingChannelsOnce(t *testing.T) {
	t.Parallel()
	e := newDeliveryEnv(t, nil)
	e.subscribe(chKorea, knowledge.Filter{Country: "South Korea"})
	e.subscribe(chDutch, knowledge.Filter{Country: "Netherlands"})
	e.subscribe(chFootball, knowledge.Filter{Keywords: "football"})
	e.subscribe(chAll, knowledge.Filter{})
	paused := e.subscribe(chPaused, knowledge.Filter{})
	paused.State, paused.PausedReason = subscription.Paused, "missing access (50001)"
	if _, err := e.store.SaveSubscription(paused); err != nil {
		t.Fatal(err)
	}
	e.start()
	e.waitLog("first start", time.Second)

	e.copyFile(incoming("korea_trip.txt"), "korea_trip.txt")
	e.waitPosts(map[string]int{chKorea: 1, chAll: 1, chDutch: 0, chFootball: 0, chPaused: 0}, 5*time.Second)

	msg := e.fake.Messages(chKorea)[0]
	if err := limits.ValidateMessage(msg.Content, msg.Embeds, nil, 0); err != nil {
		t.Errorf("the post breaks Discord's limits: %v", err)
	}
	if len(msg.Embeds) != 1 {
		t.Fatalf("post has %d embeds; want 1", len(msg.Embeds))
	}
	em := msg.Embeds[0]
	text := em.Title + "\n" + em.Description + "\n" + em.Footer.Text
	for _, f := range em.Fields {
		text += "\n" + f.Name + ": " + f.Value
	}
	for _, want := range []string{"Kasetsart", "Date: ", "Partners: ", "Visits: ", "Seoul National University", "Source: korea_trip.txt"} {
		if !strings.Contains(text, want) {
			t.Errorf("post lacks %q:\n%s", want, text)
		}
	}

	// A changed article is re-indexed, not re-posted; a second new one follows.
	data, err := os.ReadFile(incoming("korea_trip.txt"))
	if err != nil {
		t.Fatal(err)
	}
	e.write("korea_trip.txt", append(data, []byte("\n\nBoth sides agreed to meet again next year.\n")...))
	e.copyFile(incoming("sports_day.txt"), "sports_day.txt")
	e.waitPosts(map[string]int{chKorea: 1, chAll: 2, chDutch: 0, chFootball: 1, chPaused: 0}, 5*time.Second)
	if got := e.fake.Messages(chAll)[1].Embeds[0].Footer.Text; got != "Source: sports_day.txt" {
		t.Errorf("second post in %s is from %q; want sports_day.txt", chAll, got)
	}
	checkNonces(t, e.fake)
}

// A malformed new file is logged and skipped; the other new articles are
// delivered.
func TestDeliverySkipsMalformedFile(t *testing.T) {
	t.Parallel()
	e := newDeliveryEnv(t, []discordtest.Option{discordtest.WithSpec("-")})
	e.subscribe(chAll, knowledge.Filter{})
	e.start()
	e.write("broken.txt", []byte("\x00\x01\x02 not an article \x00\xff\xfe"))
	e.copyFile(incoming("korea_trip.txt"), "korea_trip.txt")
	e.copyFile(incoming("incoming_mou.txt"), "incoming_mou.txt")
	e.waitPosts(map[string]int{chAll: 2}, 5*time.Second)
	e.waitLog("article skipped", time.Second)
	if logs := e.logs.String(); !strings.Contains(logs, "file=broken.txt") {
		t.Errorf("the log does not name the malformed file:\n%s", logs)
	}
}

// checkNonces checks that every post request carried enforce_nonce and a
// nonce of at most 25 characters.
func checkNonces(t *testing.T, fake *discordtest.Server) {
	t.Helper()
	for _, r := range fake.Requests() {
		if r.Route != "POST /channels/{channel_id}/messages" {
			continue
		}
		var body struct {
			Nonce        string `json:"nonce"`
			EnforceNonce bool   `json:"enforce_nonce"`
		}
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatalf("post body: %v", err)
		}
		if body.Nonce == "" || len(body.Nonce) > 25 || !body.EnforceNonce {
			t.Errorf("post to %s has nonce %q, enforce_nonce %v; want 1-25 characters and true", r.Path, body.Nonce, body.EnforceNonce)
		}
	}
}

// A new article dated before a subscription was made is not posted to it,
// as MonitoRSS does: a feed that republishes its archive floods no
// channel. It still goes to an older subscription, and backfill:N still
// posts past articles on request.
func TestDeliveryNothingOlderThanTheSubscription(t *testing.T) {
	t.Parallel()
	e := newDeliveryEnv(t, nil)
	e.subscribeAt(chKorea, knowledge.Filter{}, time.Now())
	e.subscribe(chAll, knowledge.Filter{})
	e.start()
	e.copyFile(incoming("korea_trip.txt"), "korea_trip.txt") // dated 9 September 2024
	e.waitPosts(map[string]int{chAll: 1, chKorea: 0}, 5*time.Second)
	e.waitLog("articles dated before a subscription are not posted to it", time.Second)

	today := time.Now().UTC().Format("02/01/2006")
	e.write("today.txt", []byte("Hue University signs agreement with Leiden University\n\n"+today+
		"\n\nToday Hue University and Leiden University signed a memorandum of understanding on water research.\n"))
	e.waitPosts(map[string]int{chAll: 2, chKorea: 1}, 5*time.Second)
	if title := e.fake.Messages(chKorea)[0].Embeds[0].Title; !strings.Contains(title, "Hue University signs agreement") {
		t.Errorf("posted %q to the new subscription; want today's article", title)
	}
}
