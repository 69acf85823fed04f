// Package console is coopbot's local console: typed slash commands and
// questions, answered through the same router, with the same interactions,
// that Discord would send, and rendered as text. `coopbot` runs it when no
// DISCORD_TOKEN is set, and `coopbot ask` answers one line with it.
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/commands"
)

// Greeting is the console's first line.
const Greeting = "coopbot console: DISCORD_TOKEN is not set, so I answer here (set DISCORD_TOKEN and DISCORD_APP_ID to connect to Discord). Type /help, a slash command or a question; quit to leave."

// The console's one local guild, channel and admin.
const (
	GuildID   = "console-guild"
	ChannelID = "console-channel"
	UserID    = "console-user"
)

// consolePermissions are the console user's: an admin of its local guild.
const consolePermissions = discordgo.PermissionAdministrator | discordgo.PermissionManageGuild |
	discordgo.PermissionManageChannels | discordgo.PermissionViewChannel | discordgo.PermissionSendMessages

// Output is the answer to one console line.
type Output struct {
	// Text is the reply rendered for the console.
	Text string
	// Response is exactly what would go to Discord first; nil when the line
	// was not a command (a typo in a command name, say).
	Response *discordgo.InteractionResponse
	// Edit is the edit of a deferred Response, or nil.
	Edit *discordgo.WebhookEdit
	// Message is the message the user ends up reading: Response's data, or
	// the deferred edit applied.
	Message *discordgo.InteractionResponseData
}

// Console answers typed lines through the same router, with the same
// interactions, that Discord would send. It acts as an admin in one local
// guild and channel. It keeps the buttons of the last message, so typing a
// button's label (or next, prev) presses it. It is not safe for concurrent use.
type Console struct {
	Router *commands.Router
	Logger *slog.Logger

	seq     int
	buttons []discordgo.Button // of the last message that had buttons
}

// Line answers one line: a slash command, a button's label, or a question.
// err is an unexpected failure behind the reply (already turned into an
// apology in Output) and is for the log.
func (c *Console) Line(ctx context.Context, line string) (Output, error) {
	line = strings.TrimSpace(line)
	if line == "" {
		return Output{}, nil
	}
	if id, ok := c.button(line); ok {
		return c.send(ctx, c.interaction(discordgo.InteractionMessageComponent,
			discordgo.MessageComponentInteractionData{CustomID: id, ComponentType: discordgo.ButtonComponent}))
	}
	p, err := parseLine(line)
	if err != nil {
		return Output{Text: err.Error() + "."}, nil
	}
	data, err := commands.CommandData(p.Command, p.Values, "")
	if err != nil {
		return Output{Text: err.Error() + "."}, nil
	}
	return c.send(ctx, c.interaction(discordgo.InteractionApplicationCommand, data))
}

// button returns the custom_id of the last message's button that line names.
func (c *Console) button(line string) (string, bool) {
	want := strings.ToLower(strings.Trim(line, "[] "))
	switch want {
	case "prev", "<":
		want = "previous"
	case ">":
		want = "next"
	}
	for _, b := range c.buttons {
		if strings.ToLower(b.Label) == want && b.CustomID != "" {
			if b.Disabled {
				return "", false
			}
			return b.CustomID, true
		}
	}
	return "", false
}

// interaction builds what Discord would send for the console's admin.
func (c *Console) interaction(typ discordgo.InteractionType, data discordgo.InteractionData) *discordgo.Interaction {
	c.seq++
	return &discordgo.Interaction{
		ID: "console-" + strconv.Itoa(c.seq), AppID: "console", Type: typ, Data: data,
		GuildID: GuildID, ChannelID: ChannelID, Token: "console-token", Version: 1,
		Context: discordgo.InteractionContextGuild,
		Member: &discordgo.Member{
			GuildID:     GuildID,
			User:        &discordgo.User{ID: UserID, Username: "console"},
			Permissions: consolePermissions,
		},
		AppPermissions: discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks,
	}
}

// send routes i, runs a deferred reply's work, and renders the result.
func (c *Console) send(ctx context.Context, i *discordgo.Interaction) (Output, error) {
	reply, err := c.Router.Handle(ctx, i)
	out := Output{Response: reply.Response, Message: reply.Response.Data}
	if reply.Deferred != nil {
		edit, derr := reply.Deferred(ctx)
		if err == nil {
			err = derr
		}
		out.Edit = edit
		out.Message = applyEdit(reply.Response.Data, edit)
	}
	shown := out.Response
	if out.Edit != nil {
		shown = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: out.Message}
	}
	out.Text = Render(shown)
	if out.Message != nil {
		if bs := buttonsOf(out.Message.Components); len(bs) > 0 || shown.Type == discordgo.InteractionResponseUpdateMessage {
			c.buttons = bs
		}
	}
	return out, err
}

// applyEdit returns the message a deferred response shows once edited.
func applyEdit(d *discordgo.InteractionResponseData, e *discordgo.WebhookEdit) *discordgo.InteractionResponseData {
	m := &discordgo.InteractionResponseData{}
	if d != nil {
		m.Flags = d.Flags
	}
	if e == nil {
		return m
	}
	if e.Content != nil {
		m.Content = *e.Content
	}
	if e.Embeds != nil {
		m.Embeds = *e.Embeds
	}
	if e.Components != nil {
		m.Components = *e.Components
	}
	return m
}

// Run prints the greeting, then answers each line of in on out until in
// ends, "quit" is typed, or ctx is done. Unexpected errors are logged.
func (c *Console) Run(ctx context.Context, in io.Reader, out io.Writer) error {
	if _, err := fmt.Fprintln(out, Greeting); err != nil {
		return err
	}
	lines := make(chan string)
	readErr := make(chan error, 1)
	go func() { // a read blocks until a line comes; ctx must not wait for it
		defer close(lines)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		readErr <- sc.Err()
	}()
	for {
		var line string
		var ok bool
		select {
		case <-ctx.Done():
			return nil
		case line, ok = <-lines:
		}
		if !ok {
			select {
			case err := <-readErr:
				return err
			default:
				return nil
			}
		}
		line = strings.TrimSpace(line)
		switch strings.ToLower(line) {
		case "":
			continue
		case "quit", "exit", "/quit", "/exit":
			return nil
		}
		o, err := c.Line(ctx, line)
		if err != nil && c.Logger != nil {
			c.Logger.Error("console command failed", "line", line, "err", err)
		}
		if _, err := fmt.Fprintf(out, "%s\n\n", o.Text); err != nil {
			return err
		}
	}
}
