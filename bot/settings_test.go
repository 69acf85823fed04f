package bot_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/coopbot/coopbot/bot"
)

const validKey = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"

func TestParseSettingsErrors(t *testing.T) {
	t.Parallel()
	good := map[string]string{
		bot.EnvToken:     testToken,
		bot.EnvAppID:     "1100000000000000001",
		bot.EnvPublicKey: validKey,
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
		need bot.Need
		want string // the setting the error names
	}{
		// Each required setting, missing.
		{"no token", with(bot.EnvToken, ""), bot.NeedToken, bot.EnvToken},
		{"no app id", with(bot.EnvAppID, ""), 0, bot.EnvAppID},
		{"no public key", with(bot.EnvPublicKey, ""), bot.NeedPublicKey, bot.EnvPublicKey},
		// Malformed values.
		{"token with a newline", with(bot.EnvToken, testToken+"\nX"), bot.NeedToken, bot.EnvToken},
		{"client secret as token", with(bot.EnvToken, "abcdefABCDEF0123456789abcdefABCD"), bot.NeedToken, bot.EnvToken},
		{"app id not a number", with(bot.EnvAppID, "my-bot"), 0, bot.EnvAppID},
		{"app id zero", with(bot.EnvAppID, "0"), 0, bot.EnvAppID},
		{"public key too short", with(bot.EnvPublicKey, "abcd"), bot.NeedPublicKey, bot.EnvPublicKey},
		{"public key not hex", with(bot.EnvPublicKey, strings.Repeat("zz", 32)), bot.NeedPublicKey, bot.EnvPublicKey},
		{"guild id not a number", with(bot.EnvGuildID, "my server"), 0, bot.EnvGuildID},
		{"api base relative", with(bot.EnvAPIBase, "discord.com/api"), 0, bot.EnvAPIBase},
		{"api base ftp", with(bot.EnvAPIBase, "ftp://proxy.example"), 0, bot.EnvAPIBase},
		{"api base with query", with(bot.EnvAPIBase, "https://proxy.example/?x=1"), 0, bot.EnvAPIBase},
		{"http addr without port", with(bot.EnvHTTPAddr, "localhost"), 0, bot.EnvHTTPAddr},
		{"http addr bad port", with(bot.EnvHTTPAddr, ":99999"), 0, bot.EnvHTTPAddr},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := bot.ParseSettings(env(tc.vars), tc.need)
			if err == nil {
				t.Fatalf("ParseSettings() = nil error; want one naming %s", tc.want)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tc.want) || strings.Contains(msg, "\n") || strings.Contains(msg, testToken) {
				t.Errorf("ParseSettings() error = %q; want one line starting with %s, without the token", msg, tc.want)
			}
		})
	}
}

func TestParseSettingsDefaultsAndRedaction(t *testing.T) {
	t.Parallel()
	s, err := bot.ParseSettings(env(map[string]string{
		bot.EnvToken: "Bot " + testToken, bot.EnvAppID: " 1100000000000000001 ", bot.EnvPublicKey: validKey,
		bot.EnvGuildID: "1300000000000000001",
	}), bot.NeedToken|bot.NeedPublicKey)
	if err != nil {
		t.Fatalf("ParseSettings() = %v", err)
	}
	if s.Token.Reveal() != testToken || s.AppID != "1100000000000000001" || len(s.PublicKey) != 32 ||
		s.APIBase.String() != bot.DefaultAPIBase || s.HTTPAddr != bot.DefaultHTTPAddr || s.GuildID != "1300000000000000001" {
		t.Errorf("ParseSettings() = %+v; want the token without \"Bot \", trimmed ids and the defaults", s)
	}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("settings", "settings", s, "token", s.Token)
	for _, shown := range []string{fmt.Sprint(s), fmt.Sprintf("%+v", s), fmt.Sprintf("%#v", s), fmt.Sprintf("%q", s.Token), logs.String()} {
		if strings.Contains(shown, testToken) || strings.Contains(shown, "GsEcRt") {
			t.Errorf("the token shows in %q", shown)
		}
	}

	s, err = bot.ParseSettings(env(map[string]string{bot.EnvAppID: "1", bot.EnvAPIBase: "http://127.0.0.1:9/proxy/"}), 0)
	if err != nil || s.Token != "" || s.APIBase.String() != "http://127.0.0.1:9/proxy" {
		t.Errorf("ParseSettings(no token, a proxy) = %+v, %v; want no token and the base without its final slash", s, err)
	}
}
