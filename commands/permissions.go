package commands

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// ChannelPermissions are the invoking member's permissions in the channels
// an interaction's options name, by channel id, as Discord computes them
// with each channel's overwrites (data.resolved.channels[id].permissions).
// discordgo does not decode them, so the runtime reads them from the
// interaction's JSON with ResolvedChannelPermissions and hands them to the
// router in the context with WithChannelPermissions.
type ChannelPermissions map[string]int64

// ResolvedChannelPermissions reads the permissions of the resolved
// channels from an interaction's JSON; channels without them are left out.
func ResolvedChannelPermissions(raw []byte) (ChannelPermissions, error) {
	var i struct {
		Data struct {
			Resolved struct {
				Channels map[string]struct {
					Permissions string `json:"permissions"`
				} `json:"channels"`
			} `json:"resolved"`
		} `json:"data"`
	}
	if err := json.Unmarshal(raw, &i); err != nil {
		return nil, err
	}
	p := ChannelPermissions{}
	for id, c := range i.Data.Resolved.Channels {
		if n, err := strconv.ParseInt(c.Permissions, 10, 64); err == nil {
			p[id] = n
		}
	}
	return p, nil
}

// channelPermissionsKey is the context key of an interaction's ChannelPermissions.
type channelPermissionsKey struct{}

// WithChannelPermissions returns ctx carrying p, the resolved channels'
// permissions of the interaction that ctx is for.
func WithChannelPermissions(ctx context.Context, p ChannelPermissions) context.Context {
	return context.WithValue(ctx, channelPermissionsKey{}, p)
}

// mayIn reports whether the invoking member has perm in channel: in the
// channel the command was typed in, by the member's permissions there;
// in another, by the permissions Discord resolved for it, which must be
// known; an administrator of the server may everywhere.
func mayIn(ctx context.Context, i *discordgo.Interaction, channel string, perm int64) bool {
	if channel == "" || channel == i.ChannelID || permissions(i)&discordgo.PermissionAdministrator != 0 {
		return may(i, perm)
	}
	resolved, _ := ctx.Value(channelPermissionsKey{}).(ChannelPermissions)
	p, ok := resolved[channel]
	return ok && (p&discordgo.PermissionAdministrator != 0 || p&perm == perm)
}
