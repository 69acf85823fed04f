package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/commands"
)

// feedServer serves an RSS feed of one item about a Zanzibar observatory,
// dated today.
func feedServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://uni.example/</link>`+
			`<item><guid>z1</guid><link>https://uni.example/news/z1</link><title>Observatory opens in Zanzibar</title><pubDate>%s</pubDate>`+
			`<description>Hue University and a Zanzibar observatory signed an agreement.</description></item></channel></rss>`,
			time.Now().UTC().Format(time.RFC1123Z))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// `coopbot serve` needs no DISCORD_TOKEN: without one, the feeds in
// COOPBOT_FEEDS are still polled into the articles folder, the library is
// synced, and the log says that nothing is posted. Before issue 8 they
// were silently never polled.
func TestServeWithoutTokenPollsFeeds(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t, discordtest.WithToken(e2eToken))
	feed := feedServer(t)
	articles := t.TempDir()
	copyInto(t, articles, "seeds", "")
	stderr, stop := start(t, []string{"serve"}, discordEnv(t, srv,
		"DISCORD_TOKEN", "", "COOPBOT_ARTICLES", articles, "COOPBOT_FEEDS", feed.URL+"/rss", "COOPBOT_FEED_INTERVAL", "10s"))
	defer stop()
	url := "http://" + waitFor(t, stderr, `msg="serving Discord's interactions endpoint" addr=(\S+)`)
	waitFor(t, stderr, `(feed items saved as articles)`)
	waitFor(t, stderr, `msg="articles folder synced" (added=1)`) // the search below must find the item
	if files, _ := filepath.Glob(filepath.Join(articles, "feed_*.txt")); len(files) != 1 {
		t.Errorf("the folder has %d feed articles; want 1", len(files))
	}
	if !strings.Contains(stderr.String(), "the feeds are polled into the articles folder, but new articles are not posted") {
		t.Errorf("the log does not say that nothing is posted without DISCORD_TOKEN")
	}
	resp, err := srv.PostSignedInteraction(url+"/interactions", command(t, e2eMember, commands.CmdSearch, map[string]string{"query": "Zanzibar"}))
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if m := final(t, srv, srv.LastInteraction().ID); len(m.Embeds) == 0 || !strings.Contains(m.Embeds[0].Description+fmt.Sprint(m.Embeds[0].Fields), "Observatory opens in Zanzibar") {
		t.Errorf("/search query:Zanzibar = %+v; want the feed's item, synced without a restart", m)
	}
	if err := stop(); err != nil {
		t.Errorf("serve stopped with %v", err)
	}
}

// No secret reaches coopbot's log, whatever fails: the bot's token, an
// interaction's token, or the password of a feed that fails or cannot be
// reached. (When a database URL with a password becomes a setting, it
// joins the secrets here.)
func TestNoSecretInLogs(t *testing.T) {
	t.Parallel()
	const feedPassword = "feed-password-do-not-log"
	srv := discordtest.NewServer(t, discordtest.WithToken(e2eToken))
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusUnauthorized)
	}))
	defer failing.Close()
	gone := httptest.NewServer(http.NotFoundHandler())
	gone.Close()
	withPassword := func(u string) string {
		return strings.Replace(u, "http://", "http://reader:"+feedPassword+"@", 1) + "/rss"
	}
	articles := t.TempDir()
	copyInto(t, articles, "seeds", "")
	stderr, stop := start(t, nil, discordEnv(t, srv, "COOPBOT_ARTICLES", articles,
		"COOPBOT_FEEDS", withPassword(failing.URL)+","+withPassword(gone.URL), "COOPBOT_FEED_INTERVAL", "10s"))
	waitFor(t, stderr, `(connected to Discord's gateway)`)
	// An answer whose edit fails for good is logged with Discord's error.
	srv.InjectFault("PATCH /webhooks/{app}/{token}/messages/{id}", discordtest.Fault{Status: 500, Times: 3})
	id, interactionToken := srv.SendInteraction(command(t, e2eAdmin, commands.CmdReload, nil))
	waitFor(t, stderr, `(id=`+id+`.*not completed)`)
	waitFor(t, stderr, `(feed poll failed" feed=http://reader:xxxxx@127.0.0.1:\d+/rss failures=1 .*401)`)
	waitFor(t, stderr, `(feed poll failed" feed=http://reader:xxxxx@127.0.0.1:\d+/rss failures=1 .*refused)`)
	if err := stop(); err != nil {
		t.Errorf("coopbot stopped with %v", err)
	}
	for name, secret := range map[string]string{
		"the bot's token": e2eToken, "an interaction's token": interactionToken, "a feed's password": feedPassword,
	} {
		if strings.Contains(stderr.String(), secret) {
			t.Errorf("%s is in the log:\n%s", name, stderr)
		}
	}
}
