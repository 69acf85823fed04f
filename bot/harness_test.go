package bot_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot"
	"github.com/coopbot/coopbot/bot/discord"
	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/bot/settings"
	"github.com/coopbot/coopbot/bot/store"
	"github.com/coopbot/coopbot/commands"
	"github.com/coopbot/coopbot/knowledge"
)

// Where the tests' interactions happen, and who sends them.
const (
	guildID   = "1300000000000000001"
	channelID = "1300000000000000002"
	testToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GsEcRt.not-a-real-token-but-shaped-like-one"

	adminPerms  = discordgo.PermissionAdministrator | discordgo.PermissionManageGuild | discordgo.PermissionManageChannels | discordgo.PermissionViewChannel | discordgo.PermissionSendMessages
	memberPerms = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionReadMessageHistory
)

// deferAfter is how long the scenarios' bots wait before deferring.
const deferAfter = 300 * time.Millisecond

// newBot makes the bot of a scenario: its settings read from vars, its
// session made by discord.NewSession from them, the seeds' router with
// knobs, a log that the test shows when it fails; and the harness, but
// for send, which is the mode's.
func newBot(t *testing.T, srv *discordtest.Server, vars map[string]string, need settings.Need) (*bot.Bot, *discordgo.Session, settings.Settings, *harness) {
	t.Helper()
	cfg, err := settings.Parse(env(vars), need)
	if err != nil {
		t.Fatal(err)
	}
	session, err := discord.NewSession(cfg)
	if err != nil {
		t.Fatal(err)
	}
	router, lib := newRouter(t)
	logs := &syncBuffer{}
	t.Cleanup(func() {
		if t.Failed() || testing.Verbose() {
			t.Logf("the bot's log:\n%s", logs)
		}
	})
	b := bot.New(router, session, slog.New(slog.NewTextHandler(logs, nil)), bot.WithDeferAfter(deferAfter), bot.WithRetry(3, 20*time.Millisecond))
	return b, session, cfg, &harness{srv: srv, lib: lib, logs: logs, deferAfter: deferAfter}
}

// knobLib is the real library on the seeds, with knobs: a delay before
// Ask and Sync answer, and Search failing on demand.
type knobLib struct {
	*knowledge.Library
	delay atomic.Int64 // nanoseconds
	fail  atomic.Bool
}

func (k *knobLib) wait(ctx context.Context) {
	select {
	case <-time.After(time.Duration(k.delay.Load())):
	case <-ctx.Done():
	}
}

func (k *knobLib) Ask(ctx context.Context, q string) (*knowledge.Answer, error) {
	k.wait(ctx)
	return k.Library.Ask(ctx, q)
}

func (k *knobLib) Sync(ctx context.Context) (knowledge.SyncReport, error) {
	k.wait(ctx)
	return k.Library.Sync(ctx)
}

func (k *knobLib) Search(ctx context.Context, q string, n int) (*knowledge.SearchResult, error) {
	if k.fail.Load() {
		return nil, errors.New("the index is on fire")
	}
	return k.Library.Search(ctx, q, n)
}

// newRouter opens the library of ../seeds and a store, both in a
// temporary folder, and returns a router over them.
func newRouter(t *testing.T) (*commands.Router, *knobLib) {
	t.Helper()
	lib, _, err := knowledge.Open(context.Background(), knowledge.Config{ArticlesDir: filepath.Join("..", "seeds"), DataDir: t.TempDir()})
	if err != nil {
		t.Fatalf("knowledge.Open() = %v", err)
	}
	t.Cleanup(func() { lib.Close() })
	st, err := store.Open(filepath.Join(t.TempDir(), "coopbot.db"), time.Second)
	if err != nil {
		t.Fatalf("store.Open() = %v", err)
	}
	t.Cleanup(func() { st.Close() })
	k := &knobLib{Library: lib}
	return commands.NewRouter(k, st), k
}

// syncBuffer is a log destination that tests can read while bots write.
type syncBuffer struct {
	mu sync.Mutex // guards b
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// lineWith returns the first log line containing every one of parts, or "".
func (s *syncBuffer) lineWith(parts ...string) string {
	for _, line := range strings.Split(s.String(), "\n") {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(line, p)
		}
		if ok {
			return line
		}
	}
	return ""
}

// env returns a getenv over vars.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// slash builds a slash command as a member with perms sends it.
func slash(t *testing.T, perms int64, name string, values map[string]string) *discordgo.Interaction {
	t.Helper()
	data, err := commands.CommandData(name, values, "")
	if err != nil {
		t.Fatalf("CommandData(%q) = %v", name, err)
	}
	data.ID = "" // the fake fills in the registered command's id
	return inGuild(perms, discordgo.InteractionApplicationCommand, data)
}

// typing builds the autocomplete interaction of option being typed.
func typing(t *testing.T, name, option, value string) *discordgo.Interaction {
	t.Helper()
	data, err := commands.CommandData(name, map[string]string{option: value}, option)
	if err != nil {
		t.Fatalf("CommandData(%q) = %v", name, err)
	}
	data.ID = ""
	return inGuild(adminPerms, discordgo.InteractionApplicationCommandAutocomplete, data)
}

// press builds the interaction of pressing msg's button labelled label.
func press(t *testing.T, msg *discordgo.Message, label string) *discordgo.Interaction {
	t.Helper()
	for _, b := range buttons(msg) {
		if b.Label != label {
			continue
		}
		if b.Disabled {
			t.Fatalf("button %q is disabled", label)
		}
		i := inGuild(memberPerms, discordgo.InteractionMessageComponent,
			discordgo.MessageComponentInteractionData{CustomID: b.CustomID, ComponentType: discordgo.ButtonComponent})
		i.Message = msg
		return i
	}
	t.Fatalf("message has no button %q: %+v", label, msg.Components)
	return nil
}

// buttons returns the buttons of msg.
func buttons(msg *discordgo.Message) []discordgo.Button {
	var bs []discordgo.Button
	for _, row := range msg.Components {
		var cs []discordgo.MessageComponent
		switch r := row.(type) {
		case *discordgo.ActionsRow:
			cs = r.Components
		case discordgo.ActionsRow:
			cs = r.Components
		}
		for _, c := range cs {
			switch b := c.(type) {
			case *discordgo.Button:
				bs = append(bs, *b)
			case discordgo.Button:
				bs = append(bs, b)
			}
		}
	}
	return bs
}

func inGuild(perms int64, typ discordgo.InteractionType, data discordgo.InteractionData) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type: typ, Data: data, GuildID: guildID, ChannelID: channelID,
		Context: discordgo.InteractionContextGuild,
		Member: &discordgo.Member{
			GuildID:     guildID,
			User:        &discordgo.User{ID: "1200000000000000001", Username: "tester"},
			Permissions: perms,
		},
		AppPermissions: discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks,
	}
}
