package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/commands"
)

const (
	e2eAdmin  = discordgo.PermissionAdministrator | discordgo.PermissionManageGuild | discordgo.PermissionViewChannel | discordgo.PermissionSendMessages
	e2eMember = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages
)

// `coopbot register` then `coopbot serve`, pointed at the fake: the
// commands are registered in the guild, and the endpoint answers signed
// interactions until it is stopped.
func TestRunRegisterAndServe(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t, discordtest.WithToken(e2eToken))
	getenv := discordEnv(t, srv)

	var out bytes.Buffer
	if err := run(context.Background(), []string{"register"}, getenv, nil, &out, io.Discard); err != nil {
		t.Fatalf("register = %v", err)
	}
	if got := srv.Commands(e2eGuild); len(got) != len(commands.Catalog()) ||
		!strings.Contains(out.String(), "in server "+e2eGuild) || !strings.Contains(out.String(), "/partners") ||
		!strings.Contains(out.String(), "client_id="+srv.AppID+"&scope=bot+applications.commands&permissions=19456") {
		t.Errorf("register registered %d commands and printed:\n%s\nwant the catalogue, where, and the invite URL", len(got), out.String())
	}

	stderr, stop := start(t, []string{"serve"}, getenv)
	url := "http://" + waitFor(t, stderr, `msg="serving Discord's interactions endpoint" addr=(\S+)`)
	if code := getStatus(url + "/healthz"); code != http.StatusOK {
		t.Errorf("GET /healthz = %d; want 200", code)
	}
	post := func(i any, opts ...discordtest.SignOption) (int, string) {
		t.Helper()
		resp, err := srv.PostSignedInteraction(url+"/interactions", i, opts...)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, strings.TrimSpace(string(body))
	}
	if code, body := post([]byte(`{"type":1}`)); code != http.StatusOK || body != `{"type":1}` {
		t.Errorf("PING = %d %s; want 200 {\"type\":1}", code, body)
	}
	if code, _ := post([]byte(`{"type":1}`), discordtest.BadSignature()); code != http.StatusUnauthorized {
		t.Errorf("PING with a bad signature = %d; want 401", code)
	}
	// Every command, once, as an admin.
	values := map[string]map[string]string{
		commands.CmdPartners:    {"institution": "HUMG"},
		commands.CmdSearch:      {"query": "university"},
		commands.CmdAsk:         {"question": "Who led the HUMG delegation?"},
		commands.CmdSubscribe:   {"institution": "HUMG"},
		commands.CmdUnsubscribe: {"subscription": "1"},
	}
	for _, c := range commands.Catalog() {
		if code, _ := post(command(t, e2eAdmin, c.Name, values[c.Name])); code != http.StatusOK {
			t.Fatalf("/%s: status %d", c.Name, code)
		}
		if m := final(t, srv, srv.LastInteraction().ID); m.Content == commands.Apology || (m.Content == "" && len(m.Embeds) == 0) {
			t.Errorf("/%s answered %+v; want a real answer", c.Name, m)
		}
	}
	// /reload: refused to a member, deferred then edited for an admin.
	post(command(t, e2eMember, commands.CmdReload, nil))
	if m := final(t, srv, srv.LastInteraction().ID); !strings.Contains(m.Content, "Manage Server") {
		t.Errorf("member's /reload = %q; want a refusal", m.Content)
	}
	post(command(t, e2eAdmin, commands.CmdReload, nil))
	if m := final(t, srv, srv.LastInteraction().ID); len(m.Embeds) == 0 || !strings.Contains(m.Embeds[0].Title, "Reloaded") {
		t.Errorf("admin's /reload = %+v; want the reload report", m)
	}
	if err := stop(); err != nil {
		t.Errorf("serve stopped with %v", err)
	}
	if strings.Contains(stderr.String(), e2eToken) {
		t.Errorf("the token is in the log")
	}

	out.Reset()
	if err := run(context.Background(), []string{"register", "--clear"}, getenv, nil, &out, io.Discard); err != nil || len(srv.Commands(e2eGuild)) != 0 {
		t.Errorf("register --clear = %v, left %d commands; want none", err, len(srv.Commands(e2eGuild)))
	}
}

// `coopbot` with DISCORD_TOKEN: it registers the commands, connects to
// the fake's gateway, answers, and shuts down gracefully when cancelled.
func TestRunGateway(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t, discordtest.WithToken(e2eToken))
	stderr, stop := start(t, nil, discordEnv(t, srv))
	waitFor(t, stderr, `(connected to Discord's gateway)`)
	if got := srv.Commands(e2eGuild); len(got) != len(commands.Catalog()) {
		t.Errorf("the guild has %d commands; want the catalogue's %d", len(got), len(commands.Catalog()))
	}
	id, _ := srv.SendInteraction(command(t, e2eMember, commands.CmdPartners, map[string]string{"institution": "HUMG"}))
	page := final(t, srv, id)
	if len(page.Embeds) == 0 || !strings.Contains(page.Embeds[0].Title, "Hanoi University of Mining and Geology") {
		t.Errorf("/partners = %+v; want HUMG's partners", page)
	}
	id, _ = srv.SendInteraction(command(t, e2eAdmin, commands.CmdReload, nil))
	if m := final(t, srv, id); len(m.Embeds) == 0 || !strings.Contains(m.Embeds[0].Title, "Reloaded") {
		t.Errorf("/reload = %+v; want the reload report", m)
	}
	if err := stop(); err != nil {
		t.Errorf("coopbot stopped with %v", err)
	}
	waitFor(t, stderr, `(gateway closed)`)
	if strings.Contains(stderr.String(), e2eToken) {
		t.Errorf("the token is in the log")
	}
}
