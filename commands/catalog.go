package commands

import "github.com/bwmarrin/discordgo"

// Command names, as users type them after the slash.
const (
	CmdLatest        = "latest"
	CmdPartners      = "partners"
	CmdVisits        = "visits"
	CmdSearch        = "search"
	CmdAsk           = "ask"
	CmdSubscribe     = "subscribe"
	CmdUnsubscribe   = "unsubscribe"
	CmdSubscriptions = "subscriptions"
	CmdReload        = "reload"
	CmdHelp          = "help"
)

// Option names, shared by the commands that take them.
const (
	OptCount        = "count"
	OptInstitution  = "institution"
	OptCountry      = "country"
	OptFrom         = "from"
	OptTo           = "to"
	OptQuery        = "query"
	OptQuestion     = "question"
	OptKeywords     = "keywords"
	OptChannel      = "channel"
	OptSubscription = "subscription"
	OptBackfill     = "backfill"
)

// Limits of the options users type.
const (
	// MaxCount is the most articles /latest lists, over its pages.
	MaxCount = 100
	// maxText bounds free-text options: a question, a query, keywords.
	maxText = 300
	// maxName bounds a name option: an institution or a country.
	maxName = 100
	// MaxBackfill is the most past articles /subscribe posts at once.
	MaxBackfill = 25
)

// Catalog returns the slash commands as plain data, ready for a bulk
// overwrite. Each call returns fresh values that the caller may change.
func Catalog() []*discordgo.ApplicationCommand {
	guildOnly := &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	manageGuild := int64(discordgo.PermissionManageGuild)
	return []*discordgo.ApplicationCommand{
		{
			Name:        CmdLatest,
			Description: "The latest cooperation news, optionally about one institution or country",
			Options: []*discordgo.ApplicationCommandOption{
				intOption(OptCount, "How many articles to list (default 5)", 1, MaxCount),
				institutionOption("Only articles naming this institution", false),
				countryOption("Only articles about this country", false),
			},
		},
		{
			Name:        CmdPartners,
			Description: "An institution's international partners, grouped by country",
			Options: []*discordgo.ApplicationCommandOption{
				institutionOption("The institution, by its name or acronym", true),
				countryOption("Only partners in this country", false),
			},
		},
		{
			Name:        CmdVisits,
			Description: "Delegation visits in date order, with who led them",
			Options: []*discordgo.ApplicationCommandOption{
				institutionOption("Visits by or to this institution", false),
				countryOption("Visits to this country", false),
				textOption(OptFrom, "From this date: 2025, 2025-11 or 2025-11-14", false, 10),
				textOption(OptTo, "Up to this date: 2025, 2025-11 or 2025-11-14", false, 10),
			},
		},
		{
			Name:        CmdSearch,
			Description: "Full-text search of the articles (\"exact phrase\", +must, -not)",
			Options: []*discordgo.ApplicationCommandOption{
				textOption(OptQuery, "What to search for", true, maxText),
			},
		},
		{
			Name:        CmdAsk,
			Description: "Ask a question about the cooperation news in plain words",
			Options: []*discordgo.ApplicationCommandOption{
				textOption(OptQuestion, "Your question, e.g. Who led the Kyoto University delegation to Vietnam?", true, maxText),
			},
		},
		{
			Name:        CmdSubscribe,
			Description: "Post new articles matching a filter to a channel (needs Manage Channels)",
			Contexts:    guildOnly,
			Options: []*discordgo.ApplicationCommandOption{
				institutionOption("Only articles naming this institution", false),
				countryOption("Only articles about this country", false),
				textOption(OptKeywords, "Only articles containing all these words", false, maxName),
				{
					Type:         discordgo.ApplicationCommandOptionChannel,
					Name:         OptChannel,
					Description:  "The channel to post in (default: this one)",
					ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews},
				},
				intOption(OptBackfill, "Also post this many of the latest matching articles now (default 0)", 0, MaxBackfill),
			},
		},
		{
			Name:        CmdUnsubscribe,
			Description: "Stop a subscription of this channel (needs Manage Channels)",
			Contexts:    guildOnly,
			Options: []*discordgo.ApplicationCommandOption{{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         OptSubscription,
				Description:  "The subscription to stop",
				Autocomplete: true,
				MaxLength:    maxName,
			}},
		},
		{
			Name:        CmdSubscriptions,
			Description: "List this channel's subscriptions, or the server's for channel managers",
			Contexts:    guildOnly,
		},
		{
			Name:                     CmdReload,
			Description:              "Re-read the articles folder and report what changed (admins only)",
			Contexts:                 guildOnly,
			DefaultMemberPermissions: &manageGuild,
		},
		{
			Name:        CmdHelp,
			Description: "What this bot can answer, with examples",
		},
	}
}

func institutionOption(desc string, required bool) *discordgo.ApplicationCommandOption {
	o := textOption(OptInstitution, desc, required, maxName)
	o.Autocomplete = true
	return o
}

func countryOption(desc string, required bool) *discordgo.ApplicationCommandOption {
	o := textOption(OptCountry, desc, required, maxName)
	o.Autocomplete = true
	return o
}

func textOption(name, desc string, required bool, maxLen int) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:        discordgo.ApplicationCommandOptionString,
		Name:        name,
		Description: desc,
		Required:    required,
		MaxLength:   maxLen,
	}
}

func intOption(name, desc string, lo, hi float64) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:        discordgo.ApplicationCommandOptionInteger,
		Name:        name,
		Description: desc,
		MinValue:    &lo,
		MaxValue:    hi,
	}
}
