package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/commands"
)

// harness drives a running bot through the fake Discord, over the
// gateway or the HTTP endpoint: the scenarios below run in both modes.
type harness struct {
	srv        *discordtest.Server
	lib        *knobLib
	logs       *syncBuffer
	deferAfter time.Duration
	// send delivers i to the bot and returns the interaction's id.
	send func(t *testing.T, i *discordgo.Interaction) string
}

// answer sends i and returns its id, its first response, and the message
// the user ends up reading: the response's message, the edit that ends a
// deferral, or an ephemeral followup; nil for autocomplete.
func (h *harness) answer(t *testing.T, i *discordgo.Interaction) (string, *discordgo.InteractionResponse, *discordgo.Message) {
	t.Helper()
	id := h.send(t, i)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	resp, err := h.srv.WaitResponse(ctx, id)
	if err != nil {
		t.Fatalf("no response: %v", err)
	}
	switch resp.Type {
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		return id, resp, nil
	case discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseUpdateMessage:
		return id, resp, h.srv.Original(id)
	}
	var before *time.Time
	if i.Message != nil {
		before = i.Message.EditedTimestamp
	}
	for ctx.Err() == nil {
		if f := h.srv.Followups(id); len(f) > 0 {
			return id, resp, f[len(f)-1]
		}
		if o := h.srv.Original(id); o != nil && o.EditedTimestamp != nil && (before == nil || !o.EditedTimestamp.Equal(*before)) {
			return id, resp, o
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("deferred response (type %d) never completed", resp.Type)
	return "", nil, nil
}

// waitLog waits for the log line that has every one of parts.
func (h *harness) waitLog(t *testing.T, parts ...string) string {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if line := h.logs.lineWith(parts...); line != "" {
			return line
		}
	}
	t.Fatalf("no log line with %q in:\n%s", parts, h.logs)
	return ""
}

// text is everything a message says.
func text(m *discordgo.Message) string {
	if m == nil {
		return ""
	}
	parts := []string{m.Content}
	for _, e := range m.Embeds {
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
	}
	return strings.TrimSpace(strings.Join(parts, "\n"))
}

// everyCommand runs every command of the catalogue as an admin and
// expects a real answer from each: no apology, no error logged.
func everyCommand(t *testing.T, h *harness) {
	subscription := ""
	for _, tc := range []struct {
		name   string
		values map[string]string
		want   string // in the answer, case-insensitive
	}{
		{commands.CmdHelp, nil, "/partners"},
		{commands.CmdLatest, map[string]string{"count": "3"}, ""},
		{commands.CmdPartners, map[string]string{"institution": "HUMG"}, "Hanoi University of Mining and Geology"},
		{commands.CmdVisits, map[string]string{"institution": "HUMG"}, ""},
		{commands.CmdSearch, map[string]string{"query": "university"}, ""},
		{commands.CmdAsk, map[string]string{"question": "Who led the HUMG delegation?"}, ""},
		{commands.CmdSubscribe, map[string]string{"institution": "HUMG"}, "HUMG"},
		{commands.CmdSubscriptions, nil, "Hanoi University"},
		{commands.CmdUnsubscribe, nil, ""}, // with the subscription autocomplete offers
		{commands.CmdReload, nil, "Reloaded"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			values := tc.values
			if tc.name == commands.CmdUnsubscribe {
				values = map[string]string{"subscription": subscription}
			}
			id, _, msg := h.answer(t, slash(t, adminPerms, tc.name, values))
			got := text(msg)
			if got == "" || strings.Contains(got, commands.Apology) || !strings.Contains(strings.ToLower(got), strings.ToLower(tc.want)) {
				t.Errorf("/%s answered %q; want a real answer containing %q", tc.name, got, tc.want)
			}
			line := h.waitLog(t, "msg=interaction", "id="+id)
			if !strings.Contains(line, "level=INFO") || !strings.Contains(line, "command="+tc.name) || !strings.Contains(line, "guild="+guildID) || !strings.Contains(line, "latency=") {
				t.Errorf("log line = %q; want INFO with command, guild and latency", line)
			}
			if tc.name == commands.CmdSubscribe {
				_, resp, _ := h.answer(t, typing(t, commands.CmdUnsubscribe, "subscription", ""))
				if len(resp.Data.Choices) != 1 {
					t.Fatalf("/unsubscribe autocomplete = %+v; want the new subscription", resp.Data.Choices)
				}
				subscription = resp.Data.Choices[0].Value.(string)
			}
		})
	}
}

// autocomplete suggests institutions as a name is typed.
func autocomplete(t *testing.T, h *harness) {
	_, resp, _ := h.answer(t, typing(t, commands.CmdPartners, "institution", "HUM"))
	var names []string
	for _, c := range resp.Data.Choices {
		names = append(names, c.Name)
	}
	if !strings.Contains(strings.Join(names, "|"), "HUMG") {
		t.Errorf("autocomplete of institution:HUM = %q; want HUMG among them", names)
	}
}

// paging pages through HUMG's partners with Next and Previous.
func paging(t *testing.T, h *harness) {
	_, _, first := h.answer(t, slash(t, memberPerms, commands.CmdPartners, map[string]string{"institution": "HUMG"}))
	_, resp, second := h.answer(t, press(t, first, "Next"))
	if resp.Type != discordgo.InteractionResponseUpdateMessage || second.ID != first.ID {
		t.Fatalf("Next: response type %d on message %s; want 7 updating message %s", resp.Type, second.ID, first.ID)
	}
	if text(second) == text(first) || text(second) == "" {
		t.Errorf("Next showed the same page:\n%s", text(second))
	}
	_, _, back := h.answer(t, press(t, second, "Previous"))
	if text(back) != text(first) {
		t.Errorf("Previous = %q; want the first page again %q", text(back), text(first))
	}
}

// reload is refused to a member without Manage Server, and done for an
// admin as a deferred, ephemeral reply.
func reload(t *testing.T, h *harness) {
	_, resp, msg := h.answer(t, slash(t, memberPerms, commands.CmdReload, nil))
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || !strings.Contains(msg.Content, "Manage Server") {
		t.Errorf("member's /reload = type %d %q; want a refusal naming Manage Server", resp.Type, msg.Content)
	}
	_, resp, msg = h.answer(t, slash(t, adminPerms, commands.CmdReload, nil))
	if resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || !strings.Contains(text(msg), "Reloaded") ||
		msg.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("admin's /reload = type %d, then %q (flags %d); want deferred, then an ephemeral report", resp.Type, text(msg), msg.Flags)
	}
}

// slow: an answer that takes longer than deferAfter is deferred in time,
// then edited in.
func slow(t *testing.T, h *harness) {
	h.lib.delay.Store(int64(2 * h.deferAfter))
	defer h.lib.delay.Store(0)
	start := time.Now()
	id, resp, msg := h.answer(t, slash(t, memberPerms, commands.CmdAsk, map[string]string{"question": "Who led the HUMG delegation?"}))
	if resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Errorf("slow /ask: first response type %d; want 5 (deferred)", resp.Type)
	}
	if text(msg) == "" || strings.Contains(text(msg), commands.Apology) || time.Since(start) < 2*h.deferAfter {
		t.Errorf("slow /ask edited to %q after %v; want the answer after the delay", text(msg), time.Since(start))
	}
	h.waitLog(t, "id="+id, "outcome=\"late, edited\"")
}

// slowEphemeral: a late reply meant for the invoker only cannot be edited
// into a public "thinking…": it goes as an ephemeral followup, and the
// "thinking…" message is deleted.
func slowEphemeral(t *testing.T, h *harness) {
	h.lib.delay.Store(int64(2 * h.deferAfter))
	defer h.lib.delay.Store(0)
	id, resp, msg := h.answer(t, slash(t, memberPerms, commands.CmdAsk, map[string]string{"question": "What colour is the sky over the moon?"}))
	if resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || msg.Flags&discordgo.MessageFlagsEphemeral == 0 || msg.Content == "" {
		t.Errorf("slow unanswerable /ask = type %d, then %q (flags %d); want deferred, then an ephemeral followup", resp.Type, msg.Content, msg.Flags)
	}
	h.waitLog(t, "id="+id, "outcome=\"late, ephemeral followup\"")
	if o := h.srv.Original(id); o != nil {
		t.Errorf("the public \"thinking…\" message is still there: %+v", o)
	}
}

// apology: an unexpected error reaches the user as an ephemeral apology,
// and the log as its detail, with the interaction's id and command.
func apology(t *testing.T, h *harness) {
	h.lib.fail.Store(true)
	defer h.lib.fail.Store(false)
	id, _, msg := h.answer(t, slash(t, memberPerms, commands.CmdSearch, map[string]string{"query": "university"}))
	if msg.Content != commands.Apology || msg.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("failing /search = %q (flags %d); want the ephemeral apology", msg.Content, msg.Flags)
	}
	h.waitLog(t, "level=ERROR", "id="+id, "command=search", "the index is on fire")
}

// otherChannel runs /subscribe channel:X as a member who manages the
// channel the command is typed in but not X: refused, since Discord's
// resolved permissions for X say so; then, allowed in X, it subscribes.
func otherChannel(t *testing.T, h *harness) {
	const other = "1300000000000000077"
	manager := int64(memberPerms | discordgo.PermissionManageChannels)
	h.srv.SetChannelPermissions(other, memberPerms)
	_, _, msg := h.answer(t, slash(t, manager, commands.CmdSubscribe, map[string]string{"keywords": "tunnels", "channel": other}))
	if !strings.Contains(text(msg), "Manage Channels permission in <#"+other+">") {
		t.Errorf("/subscribe channel: where the member may not manage = %q; want a refusal naming the channel", text(msg))
	}
	h.srv.SetChannelPermissions(other, manager)
	_, _, msg = h.answer(t, slash(t, memberPerms, commands.CmdSubscribe, map[string]string{"keywords": "tunnels", "channel": other}))
	if !strings.Contains(text(msg), "will be posted in <#"+other+">") {
		t.Errorf("/subscribe channel: by a member who manages it = %q; want it subscribed", text(msg))
	}
}

// clientInput sends what the bot has no handler for, a command another
// version registered and a modal's submission: each gets a reply that
// says what to do, and a log line at Warn, not Error, which is for the
// bot's own faults.
func clientInput(t *testing.T, h *harness) {
	for _, i := range []*discordgo.Interaction{
		inGuild(memberPerms, discordgo.InteractionApplicationCommand, discordgo.ApplicationCommandInteractionData{Name: "weather"}),
		inGuild(memberPerms, discordgo.InteractionModalSubmit, discordgo.ModalSubmitInteractionData{CustomID: "feedback"}),
	} {
		id, _, msg := h.answer(t, i)
		if !strings.Contains(text(msg), "does not know that command") {
			t.Errorf("interaction of type %d answered %q; want advice", i.Type, text(msg))
		}
		line := h.waitLog(t, "id="+id)
		if !strings.Contains(line, "level=WARN") || !strings.Contains(line, "input=") {
			t.Errorf("interaction of type %d logged %q; want Warn, with the input", i.Type, line)
		}
	}
}
