package settings_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/coopbot/coopbot/bot/settings"
)

// testToken is shaped like a bot token, and is not one.
const testToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GsEcRt.not-a-real-token-but-shaped-like-one"

const validKey = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"

func TestParseErrors(t *testing.T) {
	t.Parallel()
	good := map[string]string{
		settings.EnvToken:     testToken,
		settings.EnvAppID:     "1100000000000000001",
		settings.EnvPublicKey: validKey,
	}
	with := func(k, v string) map[string]string {
		m := map[string]string{}
		for key, val := range good {
			m[key] = val
		}
		m[k] = v
		return m
	}
	for _, tc := range []struct {
		name string
		vars map[string]string
		need settings.Need
		want string // the setting the error names
	}{
		// Each required setting, missing.
		{"no token", with(settings.EnvToken, ""), settings.NeedToken, settings.EnvToken},
		{"no app id", with(settings.EnvAppID, ""), 0, settings.EnvAppID},
		{"no public key", with(settings.EnvPublicKey, ""), settings.NeedPublicKey, settings.EnvPublicKey},
		// Malformed values.
		{"token with a newline", with(settings.EnvToken, testToken+"\nX"), settings.NeedToken, settings.EnvToken},
		{"client secret as token", with(settings.EnvToken, "abcdefABCDEF0123456789abcdefABCD"), settings.NeedToken, settings.EnvToken},
		{"app id not a number", with(settings.EnvAppID, "my-bot"), 0, settings.EnvAppID},
		{"app id zero", with(settings.EnvAppID, "0"), 0, settings.EnvAppID},
		{"public key too short", with(settings.EnvPublicKey, "abcd"), settings.NeedPublicKey, settings.EnvPublicKey},
		{"public key not hex", with(settings.EnvPublicKey, strings.Repeat("zz", 32)), settings.NeedPublicKey, settings.EnvPublicKey},
		{"guild id not a number", with(settings.EnvGuildID, "my server"), 0, settings.EnvGuildID},
		{"api base relative", with(settings.EnvAPIBase, "discord.com/api"), 0, settings.EnvAPIBase},
		{"api base ftp", with(settings.EnvAPIBase, "ftp://proxy.example"), 0, settings.EnvAPIBase},
		{"api base with query", with(settings.EnvAPIBase, "https://proxy.example/?x=1"), 0, settings.EnvAPIBase},
		{"http addr without port", with(settings.EnvHTTPAddr, "localhost"), 0, settings.EnvHTTPAddr},
		{"http addr bad port", with(settings.EnvHTTPAddr, ":99999"), 0, settings.EnvHTTPAddr},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := settings.Parse(env(tc.vars), tc.need)
			if err == nil {
				t.Fatalf("Parse() = nil error; want one naming %s", tc.want)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tc.want) || strings.Contains(msg, "\n") || strings.Contains(msg, testToken) {
				t.Errorf("Parse() error = %q; want one line starting with %s, without the token", msg, tc.want)
			}
		})
	}
}

func TestParseDefaultsAndRedaction(t *testing.T) {
	t.Parallel()
	s, err := settings.Parse(env(map[string]string{
		settings.EnvToken: "Bot " + testToken, settings.EnvAppID: " 1100000000000000001 ", settings.EnvPublicKey: validKey,
		settings.EnvGuildID: "1300000000000000001",
	}), settings.NeedToken|settings.NeedPublicKey)
	if err != nil {
		t.Fatalf("Parse() = %v", err)
	}
	if s.Token.Reveal() != testToken || s.AppID != "1100000000000000001" || len(s.PublicKey) != 32 ||
		s.APIBase.String() != settings.DefaultAPIBase || s.HTTPAddr != settings.DefaultHTTPAddr || s.GuildID != "1300000000000000001" {
		t.Errorf("Parse() = %+v; want the token without \"Bot \", trimmed ids and the defaults", s)
	}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("settings", "settings", s, "token", s.Token)
	for _, shown := range []string{fmt.Sprint(s), fmt.Sprintf("%+v", s), fmt.Sprintf("%#v", s), fmt.Sprintf("%q", s.Token), logs.String()} {
		if strings.Contains(shown, testToken) || strings.Contains(shown, "GsEcRt") {
			t.Errorf("the token shows in %q", shown)
		}
	}

	s, err = settings.Parse(env(map[string]string{settings.EnvAppID: "1", settings.EnvAPIBase: "http://127.0.0.1:9/proxy/"}), 0)
	if err != nil || s.Token != "" || s.APIBase.String() != "http://127.0.0.1:9/proxy" {
		t.Errorf("Parse(no token, a proxy) = %+v, %v; want no token and the base without its final slash", s, err)
	}
}

// env is a getenv over vars.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}
