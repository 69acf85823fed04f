package commands

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/knowledge"
)

// reload answers /reload: it re-reads the articles folder and reports what
// changed. Discord lets server admins widen who may run a command, so the
// member's Manage Server permission is checked again here. The reply is
// deferred, since a reload may take longer than Discord's 3 seconds.
func (r *Router) reload(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	if i.GuildID == "" || i.Member == nil {
		return ephemeral("/reload works in a server, for its admins."), nil
	}
	if !may(i, discordgo.PermissionManageGuild) {
		return ephemeral("Only members with the Manage Server permission can reload the articles. New articles are picked up on their own; ask an admin if one is missing."), nil
	}
	return deferred(discordgo.MessageFlagsEphemeral, func(ctx context.Context) (*discordgo.WebhookEdit, error) {
		rep, err := r.sync(ctx)
		if err != nil {
			return nil, fmt.Errorf("reload: %w", err)
		}
		return EditOf(embedMessage(reloadCard(rep), nil)), nil
	}), nil
}

// reloadCard reports a sync: counts, then the files of each kind of change.
func reloadCard(rep knowledge.SyncReport) *discordgo.MessageEmbed {
	desc := fmt.Sprintf("%d added, %d changed, %d removed, %d skipped, %d unchanged.",
		len(rep.Added), len(rep.Changed), len(rep.Removed), len(rep.Skipped), rep.Unchanged)
	var fields []*discordgo.MessageEmbedField
	for _, group := range []struct {
		name  string
		files []string
	}{{"Added", rep.Added}, {"Changed", rep.Changed}, {"Removed", rep.Removed}} {
		if len(group.files) > 0 {
			fields = append(fields, field(fmt.Sprintf("%s (%d)", group.name, len(group.files)), fileList(group.files), false))
		}
	}
	if len(rep.Skipped) > 0 {
		lines := make([]string, len(rep.Skipped))
		for j, s := range rep.Skipped {
			lines[j] = "`" + oneLine(s.File, 80) + "`: " + oneLine(s.Reason, 150)
		}
		fields = append(fields, field(fmt.Sprintf("Skipped (%d)", len(rep.Skipped)), listFitting(lines), false))
	}
	return card("Reloaded the articles", desc, fields, "")
}

// fileList lists file names in a field value.
func fileList(files []string) string {
	lines := make([]string, len(files))
	for j, f := range files {
		lines[j] = "`" + oneLine(f, 100) + "`"
	}
	return listFitting(lines)
}

// listFitting joins as many lines as fit a field value, saying how many more
// there are.
func listFitting(lines []string) string {
	const reserve = 24 // "\n… and 99999 more"
	var b strings.Builder
	n := 0
	for j, l := range lines {
		size := len([]rune(l)) + 1
		if n+size > maxFieldValue-reserve {
			fmt.Fprintf(&b, "… and %d more", len(lines)-j)
			return b.String()
		}
		b.WriteString(l)
		b.WriteByte('\n')
		n += size
	}
	return strings.TrimSuffix(b.String(), "\n")
}
