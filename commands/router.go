// Package commands holds coopbot's slash commands: their definitions as
// plain data (Catalog) and the handlers that answer them. A handler takes a
// context and the interaction and returns the reply; it never calls Discord
// and never logs. Router dispatches an interaction to its handler; the
// runtime in package bot sends what it returns and logs the errors.
package commands

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// Handler answers one interaction. It returns an error only for the
// unexpected; problems a user can fix are ephemeral replies.
type Handler func(ctx context.Context, i *discordgo.Interaction) (Reply, error)

// pageFunc builds one page of a paged command from the arguments its
// buttons carry.
type pageFunc func(ctx context.Context, i *discordgo.Interaction, args []string, page int) (Reply, error)

// Router dispatches interactions to the handlers of the catalogue.
type Router struct {
	lib      Knowledge
	subs     subscription.Store
	sync     SyncFunc
	backfill BackfillFunc
	trouble  TroubleFunc
	now      func() time.Time
	// noAutocomplete: the client shows no autocomplete (WithoutAutocomplete).
	noAutocomplete bool

	commands map[string]Handler
	pages    map[string]pageFunc
}

// SyncFunc re-reads the articles folder and reports what changed.
type SyncFunc func(ctx context.Context) (knowledge.SyncReport, error)

// BackfillFunc queues the n latest articles matching s for s's channel,
// oldest first, and returns how many it queued.
type BackfillFunc func(ctx context.Context, s subscription.Subscription, n int) (int, error)

// TroubleFunc says how the posts to a channel are failing, or "" when
// they are not.
type TroubleFunc func(channelID string) string

// An Option gives a Router what the runtime adds to the library and the
// store.
type Option func(*Router)

// WithSync makes /reload sync with sync instead of the library's Sync: the
// delivery's, which also posts what the sync added.
func WithSync(sync SyncFunc) Option { return func(r *Router) { r.sync = sync } }

// WithBackfill lets /subscribe take backfill:N, posting past articles with
// backfill (the delivery's); without it, backfill says it is unavailable.
func WithBackfill(backfill BackfillFunc) Option { return func(r *Router) { r.backfill = backfill } }

// WithTrouble lets /subscriptions show the channels whose posts are
// failing, and how, with trouble (the delivery's).
func WithTrouble(trouble TroubleFunc) Option { return func(r *Router) { r.trouble = trouble } }

// WithoutAutocomplete is for a client that shows no autocomplete, as the
// console: hints then do not send the user to suggestions.
func WithoutAutocomplete() Option { return func(r *Router) { r.noAutocomplete = true } }

// WithClock sets the clock that stamps new subscriptions (default time.Now).
func WithClock(now func() time.Time) Option { return func(r *Router) { r.now = now } }

// NewRouter returns a router whose handlers answer from lib and keep
// subscriptions in subs; with a nil subs, subscriptions are unavailable.
func NewRouter(lib Knowledge, subs subscription.Store, opts ...Option) *Router {
	r := &Router{lib: lib, subs: subs, sync: lib.Sync, now: time.Now}
	for _, opt := range opts {
		opt(r)
	}
	r.commands = map[string]Handler{
		CmdLatest:        r.latest,
		CmdPartners:      r.partners,
		CmdVisits:        r.visits,
		CmdSearch:        r.search,
		CmdAsk:           r.ask,
		CmdSubscribe:     r.subscribe,
		CmdUnsubscribe:   r.unsubscribe,
		CmdSubscriptions: r.subscriptions,
		CmdReload:        r.reload,
		CmdHelp:          r.help,
	}
	r.pages = map[string]pageFunc{
		CmdLatest:        r.latestPage,
		CmdPartners:      r.partnersPage,
		CmdVisits:        r.visitsPage,
		CmdSearch:        r.searchPage,
		CmdSubscriptions: r.subscriptionsPage,
	}
	return r
}

// Handle answers i. It always returns a reply to send: when err is not nil
// the reply is an ephemeral apology (or empty autocomplete choices) and err
// is the detail for the log; when err wraps ErrUnknownInteraction, the
// reply says what to do instead, and the fault is not the bot's. A deferred reply's work is wrapped the same way.
func (r *Router) Handle(ctx context.Context, i *discordgo.Interaction) (reply Reply, err error) {
	defer func() {
		if p := recover(); p != nil {
			reply, err = r.failed(i), fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
	}()
	reply, err = r.dispatch(ctx, i)
	if errors.Is(err, ErrUnknownInteraction) && reply.Response != nil {
		return reply, err
	}
	if err != nil || reply.Response == nil {
		if err == nil {
			err = fmt.Errorf("handler returned no response")
		}
		return r.failed(i), err
	}
	if work := reply.Deferred; work != nil {
		reply.Deferred = func(ctx context.Context) (edit *discordgo.WebhookEdit, err error) {
			defer func() {
				if p := recover(); p != nil {
					edit, err = ApologyEdit(), fmt.Errorf("panic: %v\n%s", p, debug.Stack())
				}
			}()
			edit, err = work(ctx)
			if err != nil || edit == nil {
				if err == nil {
					err = fmt.Errorf("deferred handler returned no edit")
				}
				return ApologyEdit(), err
			}
			return edit, nil
		}
	}
	return reply, nil
}

func (r *Router) dispatch(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	switch i.Type {
	case discordgo.InteractionPing:
		return Reply{Response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}}, nil
	case discordgo.InteractionApplicationCommand:
		d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return r.unknown(i, fmt.Errorf("command interaction without command data: %w", ErrUnknownInteraction))
		}
		h, ok := r.commands[d.Name]
		if !ok {
			return r.unknown(i, fmt.Errorf("unknown command %q: %w", oneLine(d.Name, 40), ErrUnknownInteraction))
		}
		return h(ctx, i)
	case discordgo.InteractionApplicationCommandAutocomplete:
		return r.complete(ctx, i)
	case discordgo.InteractionMessageComponent:
		return r.button(ctx, i)
	}
	return r.unknown(i, fmt.Errorf("unsupported interaction type %d: %w", i.Type, ErrUnknownInteraction))
}

// ErrUnknownInteraction is wrapped by the error Handle returns for an
// interaction the bot has no handler for: a command it does not have (the
// registered commands are older or newer than the bot), or a type of
// interaction it does not answer. It comes from the client, not from a
// fault of the bot's; the reply says what to do.
var ErrUnknownInteraction = errors.New("the bot has no handler for this interaction")

// unknown is the reply to an interaction the bot has no handler for, with
// err, which wraps ErrUnknownInteraction.
func (r *Router) unknown(i *discordgo.Interaction, err error) (Reply, error) {
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		return choices(nil), err
	}
	return ephemeral("This bot does not know that command (its commands may have changed since): type / to see the ones it has, or try `/help`."), err
}

// button rebuilds the page a Previous or Next button points to, replacing
// the message it is on.
func (r *Router) button(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	d, ok := i.Data.(discordgo.MessageComponentInteractionData)
	if !ok {
		return r.unknown(i, fmt.Errorf("component interaction without component data: %w", ErrUnknownInteraction))
	}
	id := d.CustomID
	k, err := parsePageKey(id)
	if err != nil {
		return ephemeral("This button is from an older version of the bot. Run the command again."), nil
	}
	page, ok := r.pages[k.Cmd]
	if !ok {
		return ephemeral("This button is from an older version of the bot. Run the command again."), nil
	}
	reply, err := page(ctx, i, k.Args, k.Page)
	if err != nil {
		return Reply{}, err
	}
	if res := reply.Response; res != nil && res.Type == discordgo.InteractionResponseChannelMessageWithSource &&
		res.Data != nil && res.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		res.Type = discordgo.InteractionResponseUpdateMessage
	}
	return reply, nil
}

// failed is the reply to an interaction whose handler failed.
func (r *Router) failed(i *discordgo.Interaction) Reply {
	if i != nil && i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		return choices(nil)
	}
	return ephemeral(Apology)
}
