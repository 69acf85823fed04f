package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
	"github.com/coopbot/coopbot/knowledge/text"
)

// Scopes of a /subscriptions list, as its page buttons carry them.
const (
	scopeChannel = "c"
	scopeGuild   = "g"
)

// subscriptions answers /subscriptions: the channel's subscriptions, or the
// whole server's for members with Manage Channels.
func (r *Router) subscriptions(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	scope := scopeChannel
	if may(i, discordgo.PermissionManageChannels) {
		scope = scopeGuild
	}
	return r.subscriptionsPage(ctx, i, []string{scope}, 0)
}

// subscriptionsPage lists one page of subscriptions; args are the scope,
// which is narrowed to the channel for members who may not see the server's.
func (r *Router) subscriptionsPage(ctx context.Context, i *discordgo.Interaction, args []string, page int) (Reply, error) {
	if i.GuildID == "" {
		return ephemeral("Subscriptions belong to server channels: run this in a channel of your server."), nil
	}
	if r.subs == nil {
		return ephemeral("Subscriptions are not available on this bot."), nil
	}
	scope := pageKey{Args: args}.arg(0)
	if !may(i, discordgo.PermissionManageChannels) {
		scope = scopeChannel
	}
	channel, title := i.ChannelID, "Subscriptions of this channel"
	if scope == scopeGuild {
		channel, title = "", "Subscriptions of this server"
	}
	subs, err := r.subs.Subscriptions(i.GuildID, channel)
	if err != nil {
		return Reply{}, fmt.Errorf("list subscriptions: %w", err)
	}
	if len(subs) == 0 {
		where := "This channel has"
		if scope == scopeGuild {
			where = "This server has"
		}
		return ephemeral(where + " no subscriptions. Create one with `" + r.example(ctx, CmdSubscribe)() + "`, or `/subscribe` for every new article."), nil
	}
	w := pageWindow(len(subs), page)
	var lines []string
	for _, s := range subs[w.Lo:w.Hi] {
		lines = append(lines, subscriptionLine(s, scope == scopeGuild, r.troubleOf(s)))
	}
	e := card(title, joinLines(lines, maxDescription), nil, w.footer(len(subs), plural(len(subs), "subscription", "subscriptions")))
	data := embedMessage(e, pager(CmdSubscriptions, []string{scope}, w))
	data.Flags = discordgo.MessageFlagsEphemeral
	return message(data), nil
}

// troubleOf says how the posts of an active subscription's channel are
// failing, or "".
func (r *Router) troubleOf(s subscription.Subscription) string {
	if r.trouble == nil || s.State != subscription.Active {
		return ""
	}
	return r.trouble(s.ChannelID)
}

// unsubscribe answers /unsubscribe [subscription]. Without one it removes
// the channel's only subscription, or lists them to choose from.
func (r *Router) unsubscribe(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	if reply, ok := r.canManage(i, "remove a subscription"); !ok {
		return reply, nil
	}
	id := optionsOf(i).str(OptSubscription)
	if id == "" {
		subs, err := r.subs.Subscriptions(i.GuildID, i.ChannelID)
		if err != nil {
			return Reply{}, fmt.Errorf("list subscriptions: %w", err)
		}
		switch len(subs) {
		case 0:
			return ephemeral("This channel has no subscriptions. `/subscriptions` lists the server's."), nil
		case 1:
			id = subs[0].ID
		default:
			return ephemeral(fmt.Sprintf("This channel has %d subscriptions: pick one with `/unsubscribe subscription:` (start typing to see them), or list them with `/subscriptions`.", len(subs))), nil
		}
	}
	subs, err := r.subs.Subscriptions(i.GuildID, "")
	if err != nil {
		return Reply{}, fmt.Errorf("list subscriptions: %w", err)
	}
	var found *subscription.Subscription
	for _, s := range subs {
		if s.ID == id || text.Fold(describeFilter(s.Filter)) == text.Fold(id) && s.ChannelID == i.ChannelID {
			found = &s
			break
		}
	}
	if found == nil {
		return ephemeral(fmt.Sprintf("This server has no subscription '%s'. `/subscriptions` lists them with their numbers.", oneLine(id, 100))), nil
	}
	if err := r.subs.DeleteSubscription(found.ID); err != nil && !errors.Is(err, subscription.ErrNoSubscription) {
		return Reply{}, fmt.Errorf("delete subscription %s: %w", found.ID, err)
	}
	return message(embedMessage(card("Unsubscribed", "Removed "+subscriptionLine(*found, true, "")+".", nil, ""), nil)), nil
}

// subscriptionLine shows one subscription: number, channel, filter,
// state, and how its posts are failing when failing is not "".
func subscriptionLine(s subscription.Subscription, channel bool, failing string) string {
	line := fmt.Sprintf("`%s` ", s.ID)
	if channel {
		line += fmt.Sprintf("<#%s> ", s.ChannelID)
	}
	filterRoom := 200
	if failing != "" {
		filterRoom = 80
		failing = " · **posts failing**: " + oneLine(escape(failing), 110)
	}
	line += oneLine(escape(describeFilter(s.Filter)), filterRoom) + failing
	if s.State == subscription.Paused {
		reason := s.PausedReason
		if reason == "" {
			reason = "no reason recorded"
		}
		line += " · **paused**: " + oneLine(escape(reason), 80) + " (`/subscribe` here resumes it)"
	}
	if !s.CreatedAt.IsZero() {
		line += " · since " + s.CreatedAt.UTC().Format("2006-01-02")
	}
	return truncate(line, maxLine)
}

// describeFilter names a filter as a list shows it.
func describeFilter(f knowledge.Filter) string {
	var parts []string
	if f.Institution != "" {
		parts = append(parts, "institution: "+f.Institution)
	}
	if f.Country != "" {
		parts = append(parts, "country: "+f.Country)
	}
	if f.Keywords != "" {
		parts = append(parts, "keywords: "+f.Keywords)
	}
	if len(parts) == 0 {
		return "every article"
	}
	return strings.Join(parts, ", ")
}
