package commands

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
	"github.com/coopbot/coopbot/knowledge/text"
)

// maxChoices is Discord's limit on autocomplete suggestions.
const maxChoices = 25

// complete suggests values for the option being typed: institutions and
// countries from the index, subscriptions from the channel (or the server,
// for members with Manage Channels).
func (r *Router) complete(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	name, value := optionsOf(i).focused()
	value = truncate(strings.TrimSpace(value), maxName)
	var cs []*discordgo.ApplicationCommandOptionChoice
	switch name {
	case OptInstitution:
		for _, e := range r.lib.Suggest(value, maxChoices) {
			cs = addChoice(cs, e.Display(), r.choiceValue(e))
		}
	case OptCountry:
		for _, c := range r.lib.SuggestCountries(value, maxChoices) {
			cs = addChoice(cs, c, c)
		}
	case OptSubscription:
		var err error
		if cs, err = r.subscriptionChoices(i, value); err != nil {
			return Reply{}, err
		}
	}
	return choices(cs), nil
}

// choiceValue is what choosing e puts in the option: its canonical name,
// or a shorter name of it when that is too long for a choice value.
func (r *Router) choiceValue(e knowledge.Entity) string {
	if utf8.RuneCountInString(e.Name) <= maxName {
		return e.Name
	}
	return truncate(r.shortKey(e.Name), maxName)
}

// subscriptionChoices suggests the subscriptions a member may remove whose
// number or description starts with value, then those containing it.
func (r *Router) subscriptionChoices(i *discordgo.Interaction, value string) ([]*discordgo.ApplicationCommandOptionChoice, error) {
	if r.subs == nil || i.GuildID == "" {
		return nil, nil
	}
	channel := i.ChannelID
	if may(i, discordgo.PermissionManageChannels) {
		channel = ""
	}
	subs, err := r.subs.Subscriptions(i.GuildID, channel)
	if err != nil {
		return nil, err
	}
	want := text.Fold(value)
	var prefix, fuzzy []*discordgo.ApplicationCommandOptionChoice
	for _, s := range subs {
		label := s.ID + " · " + describeFilter(s.Filter)
		if s.ChannelID != i.ChannelID {
			label += " (another channel)"
		}
		if s.State == subscription.Paused {
			label += " (paused)"
		}
		folded := text.Fold(label)
		switch {
		case strings.HasPrefix(folded, want) || strings.HasPrefix(text.Fold(describeFilter(s.Filter)), want):
			prefix = addChoice(prefix, label, s.ID)
		case strings.Contains(folded, want):
			fuzzy = addChoice(fuzzy, label, s.ID)
		}
	}
	all := append(prefix, fuzzy...)
	return all[:min(len(all), maxChoices)], nil
}

// addChoice appends a choice within Discord's limits, skipping duplicates
// and stopping at 25.
func addChoice(cs []*discordgo.ApplicationCommandOptionChoice, name, value string) []*discordgo.ApplicationCommandOptionChoice {
	name, value = truncate(oneLine(name, 100), 100), truncate(value, 100)
	if len(cs) >= maxChoices || name == "" || value == "" {
		return cs
	}
	for _, c := range cs {
		if c.Value == value {
			return cs
		}
	}
	return append(cs, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: value})
}
