package discordtest

import (
	"encoding/json"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// SetChannelPermissions sets the invoking member's permissions in channel,
// as Discord computes them with the channel's overwrites: an interaction
// whose channel option names channel carries them in
// data.resolved.channels[channel].permissions. Unset, a resolved channel
// carries the member's permissions in the interaction's own channel.
func (s *Server) SetChannelPermissions(channel string, perms int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.channelPerms == nil {
		s.channelPerms = map[string]int64{}
	}
	s.channelPerms[channel] = perms
}

// wire returns the JSON Discord sends for i: discordgo's encoding, with
// each channel option's channel in data.resolved.channels, carrying the
// member's permissions there (which discordgo's Channel has no field for).
func (s *Server) wire(i *discordgo.Interaction) (json.RawMessage, error) {
	raw, err := json.Marshal(i)
	if err != nil {
		return nil, err
	}
	d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return raw, nil
	}
	channels := map[string]any{}
	s.mu.Lock()
	for _, o := range d.Options {
		if o == nil || o.Type != discordgo.ApplicationCommandOptionChannel {
			continue
		}
		id, ok := o.Value.(string)
		if !ok {
			continue
		}
		perms, set := s.channelPerms[id]
		if !set && i.Member != nil {
			perms = i.Member.Permissions
		}
		channels[id] = map[string]any{"id": id, "type": discordgo.ChannelTypeGuildText, "name": "channel-" + id,
			"permissions": strconv.FormatInt(perms, 10)}
	}
	s.mu.Unlock()
	if len(channels) == 0 {
		return raw, nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	var data map[string]json.RawMessage
	if err := json.Unmarshal(m["data"], &data); err != nil {
		return nil, err
	}
	if data["resolved"], err = json.Marshal(map[string]any{"channels": channels}); err != nil {
		return nil, err
	}
	if m["data"], err = json.Marshal(data); err != nil {
		return nil, err
	}
	return json.Marshal(m)
}
