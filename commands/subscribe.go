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
// backfill latest matching articles when asked.
func (r *Router) subscribe(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	if reply, ok := r.canManage(i, "subscribe a channel"); !ok {
		return reply, nil
	}
	o := optionsOf(i)
	inst, country, keywords := o.str(OptInstitution), o.str(OptCountry), strings.Join(strings.Fields(o.str(OptKeywords)), " ")
	for _, opt := range []struct{ name, value, example string }{
		{"institution", inst, "/subscribe institution:Kyoto University"},
		{"country", country, "/subscribe country:China"},
		{"keywords", keywords, "/subscribe keywords:scholarship"},
	} {
		if reply, bad := tooLong(opt.name, opt.value, maxName, opt.example); bad {
			return reply, nil
		}
	}
	f := knowledge.Filter{Country: country, Keywords: keywords}
	if inst != "" {
		e, err := r.lib.Resolve(inst)
		if err != nil {
			return explain(err, "institution")
		}
		f.Institution = e.Name
	}
	if country != "" {
		if _, err := r.lib.Latest(ctx, 1, knowledge.Filter{Country: country}); err != nil {
			return explain(err, "country")
		}
	}
	channel := o.str(OptChannel)
	if channel == "" {
		channel = i.ChannelID
	}
	existing, err := r.subs.Subscriptions(i.GuildID, channel)
	if err != nil {
		return Reply{}, fmt.Errorf("list subscriptions: %w", err)
	}
	var resumed []subscription.Subscription
	var same *subscription.Subscription
	for _, s := range existing {
		if s.State == subscription.Paused {
			s.State, s.PausedReason = subscription.Active, ""
			if _, err := r.subs.SaveSubscription(s); err != nil {
				return Reply{}, fmt.Errorf("resume subscription %s: %w", s.ID, err)
			}
			resumed = append(resumed, s)
		}
		if subscription.SameFilter(s.Filter, f) {
			same = &s
		}
	}
	var lines []string
	for _, s := range resumed {
		lines = append(lines, "Resumed "+subscriptionLine(s, false))
	}
	if same != nil {
		same.State, same.PausedReason = subscription.Active, ""
		note, err := r.backfillNote(ctx, *same, o.integer(OptBackfill, 0))
		if err != nil {
			return Reply{}, err
		}
		if note != "" {
			lines = append(lines, note)
		}
		if len(resumed) > 0 {
			return message(embedMessage(card("Subscription resumed", joinLines(lines, maxDescription), nil, ""), nil)), nil
		}
		return ephemeral(strings.TrimSpace(fmt.Sprintf("<#%s> already follows %s (subscription `%s`), so nothing changed. To change it, `/unsubscribe subscription:%s` and subscribe again. %s",
			channel, oneLine(describeFilter(f), 300), same.ID, same.ID, note))), nil
	}
	s, err := r.subs.SaveSubscription(subscription.Subscription{
		GuildID: i.GuildID, ChannelID: channel, Filter: f,
		CreatedBy: userID(i), CreatedAt: r.now().UTC(), State: subscription.Active,
	})
	if err != nil {
		return Reply{}, fmt.Errorf("save subscription: %w", err)
	}
	desc := fmt.Sprintf("New articles about %s will be posted in <#%s>.", describeFilter(r.displayFilter(f)), channel)
	note, err := r.backfillNote(ctx, s, o.integer(OptBackfill, 0))
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
	switch {
	case i.GuildID == "" || i.Member == nil:
		return ephemeral("Subscriptions belong to server channels: run this in a channel of your server."), false
	case !may(i, discordgo.PermissionManageChannels):
		return ephemeral("You need the Manage Channels permission to " + what + ". Ask a moderator, or read the news now with `/latest`."), false
	case r.subs == nil:
		return ephemeral("Subscriptions are not available on this bot."), false
	}
	return Reply{}, true
}
