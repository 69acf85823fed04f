package commands

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// subscribe answers /subscribe [institution] [country] [keywords] [channel]
// [backfill]: it creates a subscription, refuses the same filter twice in a
// channel, resumes the channel's paused subscriptions, and posts the
// backfill latest matching articles when asked. It goes in four steps:
// read the filter, resume the channel, then answer for a filter the
// channel has already, or save the new subscription.
func (r *Router) subscribe(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	o := optionsOf(i)
	channel := o.str(OptChannel)
	if channel == "" {
		channel = i.ChannelID
	}
	// Manage Channels is needed in the channel subscribed, which may not
	// be the one the command was typed in.
	if reply, ok := r.canManageIn(ctx, i, channel, "subscribe a channel"); !ok {
		return reply, nil
	}
	f, refused, err := r.subscriptionFilter(ctx, o)
	if refused.Response != nil || err != nil {
		return refused, err
	}
	resumed, same, err := r.resumeChannel(i.GuildID, channel, f)
	if err != nil {
		return Reply{}, err
	}
	var lines []string
	for _, s := range resumed {
		lines = append(lines, "Resumed "+subscriptionLine(s, false, ""))
	}
	backfill := o.integer(OptBackfill, 0)
	if same != nil {
		return r.subscribedAlready(ctx, *same, f, lines, backfill)
	}
	return r.subscribeNew(ctx, i, channel, f, lines, backfill)
}

// subscriptionFilter reads the filter of /subscribe: each option within
// its length, the institution resolved to its name, the country known.
// When they are not, it returns the reply that says so instead.
func (r *Router) subscriptionFilter(ctx context.Context, o options) (knowledge.Filter, Reply, error) {
	inst, country, keywords := o.str(OptInstitution), o.str(OptCountry), strings.Join(strings.Fields(o.str(OptKeywords)), " ")
	for _, opt := range []struct{ name, value string }{
		{"institution", inst}, {"country", country}, {"keywords", keywords},
	} {
		if reply, bad := tooLong(opt.name, opt.value, maxName, r.example(ctx, CmdSubscribe)); bad {
			return knowledge.Filter{}, reply, nil
		}
	}
	f := knowledge.Filter{Country: country, Keywords: keywords}
	if inst != "" {
		e, err := r.lib.Resolve(inst)
		if err != nil {
			reply, err := r.explain(err, "institution")
			return knowledge.Filter{}, reply, err
		}
		f.Institution = e.Name
	}
	if country != "" {
		if _, err := r.lib.Latest(ctx, 1, knowledge.Filter{Country: country}); err != nil {
			reply, err := r.explain(err, "country")
			return knowledge.Filter{}, reply, err
		}
	}
	return f, Reply{}, nil
}

// resumeChannel resumes the paused subscriptions of a channel, since
// someone subscribing there shows the bot may post there again, and
// returns them, with the subscription of filter f the channel has, if any.
func (r *Router) resumeChannel(guild, channel string, f knowledge.Filter) (resumed []subscription.Subscription, same *subscription.Subscription, err error) {
	existing, err := r.subs.Subscriptions(guild, channel)
	if err != nil {
		return nil, nil, fmt.Errorf("list subscriptions: %w", err)
	}
	for _, s := range existing {
		if s.State == subscription.Paused {
			s.State, s.PausedReason = subscription.Active, ""
			if _, err := r.subs.SaveSubscription(s); err != nil {
				return nil, nil, fmt.Errorf("resume subscription %s: %w", s.ID, err)
			}
			resumed = append(resumed, s)
		}
		if subscription.SameFilter(s.Filter, f) {
			same = &s
		}
	}
	return resumed, same, nil
}

// subscribedAlready answers a /subscribe to f when the channel has
// subscription same to it already: it backfills same when asked, and says
// what was resumed, or that nothing changed.
func (r *Router) subscribedAlready(ctx context.Context, same subscription.Subscription, f knowledge.Filter, lines []string, backfill int) (Reply, error) {
	same.State, same.PausedReason = subscription.Active, ""
	note, err := r.backfillNote(ctx, same, backfill)
	if err != nil {
		return Reply{}, err
	}
	if len(lines) > 0 {
		if note != "" {
			lines = append(lines, note)
		}
		return message(embedMessage(card("Subscription resumed", joinLines(lines, maxDescription), nil, ""), nil)), nil
	}
	return ephemeral(strings.TrimSpace(fmt.Sprintf("<#%s> already follows %s (subscription `%s`), so nothing changed. To change it, `/unsubscribe subscription:%s` and subscribe again. %s",
		same.ChannelID, oneLine(describeFilter(f), 300), same.ID, same.ID, note))), nil
}

// subscribeNew saves a subscription of channel to f, backfills it when
// asked, and answers with it, after the lines about what was resumed.
func (r *Router) subscribeNew(ctx context.Context, i *discordgo.Interaction, channel string, f knowledge.Filter, lines []string, backfill int) (Reply, error) {
	s, err := r.subs.SaveSubscription(subscription.Subscription{
		GuildID: i.GuildID, ChannelID: channel, Filter: f,
		CreatedBy: userID(i), CreatedAt: r.now().UTC(), State: subscription.Active,
	})
	if err != nil {
		return Reply{}, fmt.Errorf("save subscription: %w", err)
	}
	desc := fmt.Sprintf("New articles about %s will be posted in <#%s>.", describeFilter(r.displayFilter(f)), channel)
	note, err := r.backfillNote(ctx, s, backfill)
	if err != nil {
		return Reply{}, err
	}
	if note != "" {
		desc += " " + note
	}
	lines = append([]string{desc, "", "Stop it with `/unsubscribe subscription:" + s.ID + "`."}, lines...)
	return message(embedMessage(card("Subscribed", joinLines(lines, maxDescription), nil, "Subscription "+s.ID), nil)), nil
}

// canManage checks that subscriptions can be changed here by this member:
// in a server, with Manage Channels, and with a store to keep them.
func (r *Router) canManage(i *discordgo.Interaction, what string) (Reply, bool) {
	return r.canManageIn(context.Background(), i, i.ChannelID, what)
}

// canManageIn is canManage for the subscriptions of channel, where the
// member needs Manage Channels (ctx carries the permissions Discord
// resolved for a channel other than the interaction's).
func (r *Router) canManageIn(ctx context.Context, i *discordgo.Interaction, channel, what string) (Reply, bool) {
	switch {
	case i.GuildID == "" || i.Member == nil:
		return ephemeral("Subscriptions belong to server channels: run this in a channel of your server."), false
	case !mayIn(ctx, i, channel, discordgo.PermissionManageChannels):
		where := ""
		if channel != i.ChannelID {
			where = fmt.Sprintf(" in <#%s>", channel)
		}
		return ephemeral("You need the Manage Channels permission" + where + " to " + what + ". Ask a moderator, or read the news now with `/latest`."), false
	case r.subs == nil:
		return ephemeral("Subscriptions are not available on this bot."), false
	}
	return Reply{}, true
}
