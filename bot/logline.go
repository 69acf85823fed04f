package bot

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/commands"
)

// logLine gathers what the one log line of an interaction says: which
// command, where, how fast the first response went out, and how it ended.
type logLine struct {
	id, kind, command, guild string
	start                    time.Time
	latency                  time.Duration // until the first response was sent
	outcome                  string
	handlerErr               error // the router's detail behind an apology
	inputErr                 error // an interaction the bot has no handler for: the client's doing
	sendErr                  error // a Discord call that failed for good
}

func newLogLine(i *discordgo.Interaction) *logLine {
	l := &logLine{id: i.ID, guild: i.GuildID, start: time.Now()}
	if l.guild == "" {
		l.guild = "dm"
	}
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		l.kind, l.command = "command", d.Name
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			l.kind = "autocomplete"
		}
	case discordgo.MessageComponentInteractionData:
		l.kind, l.command = "button", d.CustomID
	default:
		l.kind = "other"
	}
	return l
}

// handlerFailed notes the detail of a failure that the user sees as an
// apology, or of an interaction the bot has no handler for.
func (l *logLine) handlerFailed(err error) {
	switch {
	case err == nil:
	case errors.Is(err, commands.ErrUnknownInteraction):
		l.inputErr = errors.Join(l.inputErr, err)
	default:
		l.handlerErr = errors.Join(l.handlerErr, err)
	}
}

// sent notes the first response and reports whether it went out.
func (l *logLine) sent(err error, outcome string) bool {
	l.latency = time.Since(l.start)
	if err != nil {
		l.sendErr = err
		l.outcome = "not answered"
		return false
	}
	l.outcome = outcome
	return true
}

// finished notes the edit or followup that completed a deferred answer.
func (l *logLine) finished(err error, outcome string) {
	if err != nil {
		l.sendErr = err
		l.outcome += ", not completed"
		return
	}
	l.outcome += ", " + outcome
}

// logInteraction writes the interaction's line: at Info when all went
// well; at Warn when the interaction was one the bot has no handler for
// (client input, such as a command registered by another version); at
// Error, our own fault, with the detail when the user got an apology or
// Discord did not get an answer. Tokens never appear in it.
func (b *Bot) logInteraction(l *logLine) {
	level := slog.LevelInfo
	outcome := l.outcome
	attrs := []slog.Attr{
		slog.String("id", l.id),
		slog.String("type", l.kind),
		slog.String("command", l.command),
		slog.String("guild", l.guild),
		slog.Duration("latency", l.latency.Round(time.Millisecond)),
	}
	if total := time.Since(l.start); total-l.latency > time.Millisecond {
		attrs = append(attrs, slog.Duration("total", total.Round(time.Millisecond)))
	}
	if l.inputErr != nil {
		level = slog.LevelWarn
		outcome = "not ours: " + outcome
		attrs = append(attrs, slog.String("input", l.inputErr.Error()))
	}
	if l.handlerErr != nil {
		level = slog.LevelError
		outcome = "apology: " + outcome
		attrs = append(attrs, slog.String("error", l.handlerErr.Error()))
	}
	if l.sendErr != nil {
		level = slog.LevelError
		attrs = append(attrs, slog.String("discord_error", l.sendErr.Error()))
	}
	attrs = append(attrs, slog.String("outcome", outcome))
	b.log.LogAttrs(context.Background(), level, "interaction", attrs...)
}
