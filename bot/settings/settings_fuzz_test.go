package settings

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// FuzzParse reads any settings: an error is one line that starts with the
// setting it names and never holds the token or a feed's password; what
// it accepts is in range, and logs without the token.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, token, appID, publicKey, guildID, apiBase, httpAddr, feeds, interval, maxNew string) {
		vars := map[string]string{
			EnvToken: token, EnvAppID: appID, EnvPublicKey: publicKey, EnvGuildID: guildID, EnvAPIBase: apiBase,
			EnvHTTPAddr: httpAddr, EnvFeeds: feeds, EnvFeedInterval: interval, EnvFeedMaxNew: maxNew,
		}
		// secret reports whether s is a secret only one setting holds, long
		// enough that no message could hold it by chance.
		secret := func(s, of string) bool {
			if len(s) < 8 {
				return false
			}
			for name, v := range vars {
				if name != of && strings.Contains(v, s) {
					return false
				}
			}
			return true
		}
		var secrets []string
		if v := strings.TrimPrefix(strings.TrimSpace(token), "Bot "); secret(v, EnvToken) {
			secrets = append(secrets, v)
		}
		for _, feed := range strings.Split(feeds, ",") {
			if p := passwordIn(feed); secret(p, EnvFeeds) {
				secrets = append(secrets, p)
			}
		}
		s, err := Parse(func(k string) string { return vars[k] }, NeedToken)
		if err != nil {
			msg := err.Error()
			if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "DISCORD_") && !strings.HasPrefix(msg, "COOPBOT_") {
				t.Fatalf("Parse() = %q; want one line that starts with the setting", msg)
			}
			for _, sec := range secrets {
				if strings.Contains(msg, sec) {
					t.Fatalf("Parse() = %q holds the secret %q", msg, sec)
				}
			}
			return
		}
		if s.FeedInterval < MinFeedInterval || s.FeedMaxNew < 1 || s.FeedMaxNew > MaxFeedMaxNew || s.AppID == "" || s.Token == "" {
			t.Fatalf("Parse() = %+v: out of range", s)
		}
		for _, feed := range s.Feeds {
			u, err := url.Parse(feed)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Fatalf("Parse() accepted the feed %q", feed)
			}
		}
		if logged := fmt.Sprintf("%v %+v %#v", s.LogValue(), s, s); strings.Contains(logged, s.Token.Reveal()) {
			t.Fatalf("the settings print their token: %s", logged)
		}
	})
}

// passwordIn returns what a feed URL holds between the ':' of its user
// information and its '@', parsed or not.
func passwordIn(feed string) string {
	_, rest, ok := strings.Cut(feed, "://")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return ""
	}
	_, pass, ok := strings.Cut(rest[:at], ":")
	if !ok {
		return ""
	}
	return pass
}
