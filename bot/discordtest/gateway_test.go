package discordtest_test

import (
	"context"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/discordtest"
)

// openSession opens a real discordgo session on srv and closes it when
// the test ends (which costs discordgo's 1 s).
func openSession(t *testing.T, srv *discordtest.Server, reconnect bool, handlers ...any) *discordgo.Session {
	t.Helper()
	dg := srv.Session("test-token")
	dg.ShouldReconnectOnError = reconnect
	for _, h := range handlers {
		dg.AddHandler(h)
	}
	if err := dg.Open(); err != nil {
		t.Fatalf("Open() = %v", err)
	}
	t.Cleanup(func() { dg.Close() })
	return dg
}

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// hasFrame reports whether frames hold one matching op and type, from the
// client or the fake, on connection conn (0 for any).
func hasFrame(frames []discordtest.Frame, conn int, fromClient bool, op int, typ string) bool {
	for _, f := range frames {
		if (conn == 0 || f.Conn == conn) && f.FromClient == fromClient && f.Op == op && f.Type == typ {
			return true
		}
	}
	return false
}

// pong answers every slash command with its name.
func pong(s *discordgo.Session, i *discordgo.InteractionCreate) {
	s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "pong: " + i.ApplicationCommandData().Name},
	})
}

func command(name string) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type:      discordgo.InteractionApplicationCommand,
		GuildID:   "1300000000000000001",
		ChannelID: "1300000000000000002",
		Data:      discordgo.ApplicationCommandInteractionData{Name: name},
	}
}

func TestGatewayReadyHeartbeatInteractionResume(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t, discordtest.WithHeartbeatInterval(50*time.Millisecond))
	ready := make(chan *discordgo.Ready, 1)
	dg := openSession(t, srv, true, pong, func(_ *discordgo.Session, r *discordgo.Ready) { ready <- r })

	r := <-ready
	if r.User.ID != srv.AppID || r.SessionID == "" || r.Application.ID != srv.AppID {
		t.Errorf("READY = user %v, session %q, application %v; want user and application %s and a session", r.User, r.SessionID, r.Application, srv.AppID)
	}
	if f := srv.Frames(); !hasFrame(f, 1, false, 10, "") || !hasFrame(f, 1, true, 2, "") {
		t.Errorf("Frames() = %+v; want Hello and Identify", f)
	}
	waitFor(t, "two heartbeat ACKs", func() bool {
		acks := 0
		for _, f := range srv.Frames() {
			if !f.FromClient && f.Op == 11 {
				acks++
			}
		}
		return acks >= 2
	})

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	id, _ := srv.SendInteraction(command("news"))
	resp, err := srv.WaitResponse(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data.Content != "pong: news" {
		t.Errorf("WaitResponse() = %+v; want a message \"pong: news\"", resp)
	}
	if ms := srv.Messages("1300000000000000002"); len(ms) != 1 || ms[0].Content != "pong: news" {
		t.Errorf("Messages() = %v; want the answer", ms)
	}

	// Drop the socket, and dispatch while the bot is away: the resumed
	// session gets the interaction replayed.
	srv.DropGateway()
	id, _ = srv.SendInteraction(command("again"))
	ctx, cancel = context.WithTimeout(context.Background(), 8*time.Second)
	defer cancel()
	if resp, err = srv.WaitResponse(ctx, id); err != nil {
		t.Fatal(err)
	}
	if resp.Data.Content != "pong: again" {
		t.Errorf("after resume, WaitResponse() = %+v; want \"pong: again\"", resp.Data)
	}
	// The fake records a frame once it has written it, so the replayed
	// interaction can be answered before it, or RESUMED, is recorded:
	// wait for the frames, not for time.
	for _, want := range []struct {
		fromClient bool
		op         int
		typ        string
	}{{true, 6, ""}, {false, 0, "INTERACTION_CREATE"}, {false, 0, "RESUMED"}} {
		if _, err := srv.WaitFrame(ctx, func(f discordtest.Frame) bool {
			return f.Conn == 2 && f.FromClient == want.fromClient && f.Op == want.op && f.Type == want.typ
		}); err != nil {
			t.Errorf("second connection: no frame op %d %q from the client=%v: %v", want.op, want.typ, want.fromClient, err)
		}
	}
	if f := srv.Frames(); hasFrame(f, 2, true, 2, "") {
		t.Errorf("second connection's frames = %+v; want Resume, not Identify", f)
	}
	_ = dg
}

func TestCallbackRules(t *testing.T) {
	t.Parallel()
	clock := discordtest.NewClock(time.Now())
	srv := discordtest.NewServer(t, discordtest.WithClock(clock.Now), discordtest.ExpectRejections())
	dg := openSession(t, srv, false)
	msg := &discordgo.InteractionResponse{Type: 4, Data: &discordgo.InteractionResponseData{Content: "hi"}}
	code := func(err error) int {
		if re, ok := err.(*discordgo.RESTError); ok && re.Message != nil {
			return re.Message.Code
		}
		return -1
	}

	id, token := srv.SendInteraction(command("news"))
	i := &discordgo.Interaction{ID: id, Token: token, AppID: srv.AppID}
	if err := dg.InteractionRespond(i, msg); err != nil {
		t.Fatalf("first InteractionRespond() = %v", err)
	}
	if err := dg.InteractionRespond(i, msg); code(err) != 40060 {
		t.Errorf("second InteractionRespond() = %v; want code 40060", err)
	}
	if _, err := dg.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "more"}); err != nil {
		t.Errorf("FollowupMessageCreate() = %v", err)
	}
	if _, err := dg.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: ptr("edited")}); err != nil {
		t.Errorf("InteractionResponseEdit() = %v", err)
	}
	if o := srv.Original(id); o == nil || o.Content != "edited" || len(srv.Followups(id)) != 1 {
		t.Errorf("Original() = %v, Followups() = %v; want the edit and one followup", o, srv.Followups(id))
	}
	if _, err := dg.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: ptr("")}); code(err) != 50006 {
		t.Errorf("emptying the original = %v; want code 50006", err)
	}

	clock.Advance(16 * time.Minute)
	if _, err := dg.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: ptr("late")}); code(err) != 50027 {
		t.Errorf("edit after 16 minutes = %v; want code 50027", err)
	}
	id, token = srv.SendInteraction(command("slow"))
	clock.Advance(3*time.Second + time.Millisecond)
	if err := dg.InteractionRespond(&discordgo.Interaction{ID: id, Token: token}, msg); code(err) != 10062 {
		t.Errorf("InteractionRespond() after 3 s = %v; want code 10062", err)
	}
	if got := len(srv.Rejections()); got != 4 {
		t.Errorf("Rejections() = %q; want 4", srv.Rejections())
	}
}

func ptr[T any](v T) *T { return &v }

// TestResponseKinds sends every kind of answer the bot gives through the
// real client: none of them may be rejected.
func TestResponseKinds(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := openSession(t, srv, false)
	respond := func(r *discordgo.InteractionResponse) (*discordgo.Interaction, string) {
		t.Helper()
		id, token := srv.SendInteraction(command("news"))
		i := &discordgo.Interaction{ID: id, Token: token, AppID: srv.AppID}
		if err := dg.InteractionRespond(i, r); err != nil {
			t.Fatalf("InteractionRespond(type %d) = %v", r.Type, err)
		}
		return i, id
	}
	respond(&discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "Université de Lyon", Value: "lyon"}}}})
	respond(&discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Flags:  discordgo.MessageFlagsEphemeral,
			Embeds: []*discordgo.MessageEmbed{{Title: "News", Description: "d", Fields: []*discordgo.MessageEmbedField{{Name: "n", Value: "v"}}, Footer: &discordgo.MessageEmbedFooter{Text: "f"}}},
			Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.Button{CustomID: "more:1", Label: "More"},
				discordgo.Button{Style: discordgo.LinkButton, URL: "https://example.org/a", Label: "Read"},
			}}},
		}})
	i, id := respond(&discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	if o := srv.Original(id); o == nil || o.Flags&discordgo.MessageFlagsLoading == 0 {
		t.Errorf("deferred Original() = %v; want a loading message", o)
	}
	if _, err := dg.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: ptr("done"), Embeds: &[]*discordgo.MessageEmbed{{Title: "t"}}}); err != nil {
		t.Errorf("InteractionResponseEdit() = %v", err)
	}
	f, err := dg.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "more", Flags: discordgo.MessageFlagsEphemeral})
	if err != nil {
		t.Fatalf("FollowupMessageCreate() = %v", err)
	}
	if _, err := dg.FollowupMessageEdit(i, f.ID, &discordgo.WebhookEdit{Content: ptr("more!")}); err != nil {
		t.Errorf("FollowupMessageEdit() = %v", err)
	}
	if err := dg.FollowupMessageDelete(i, f.ID); err != nil {
		t.Errorf("FollowupMessageDelete() = %v", err)
	}
	if o := srv.Original(id); o == nil || o.Content != "done" || o.Flags&discordgo.MessageFlagsLoading != 0 {
		t.Errorf("Original() = %+v; want the edit, no longer loading", o)
	}
	respond(&discordgo.InteractionResponse{Type: discordgo.InteractionResponseModal, Data: &discordgo.InteractionResponseData{
		CustomID: "feedback", Title: "Feedback",
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.TextInput{CustomID: "text", Label: "Your feedback", Style: discordgo.TextInputParagraph},
		}}},
	}})
	if _, err := dg.ChannelMessageSendComplex("1300000000000000002", &discordgo.MessageSend{
		Content: "new", Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{CustomID: "unsubscribe", Label: "Unsubscribe", Style: discordgo.DangerButton},
		}}},
	}); err != nil {
		t.Errorf("ChannelMessageSendComplex() = %v", err)
	}
}
