// Package bot is coopbot's Discord runtime for interactions: it answers
// them with the router's handlers over the gateway (RunGateway) or as
// Discord's HTTP interactions endpoint (Serve), sends what the handlers
// return, within Discord's deadlines and limits, and logs one line per
// interaction with log/slog. Register registers the slash commands.
//
// The rest of the runtime has its own packages: bot/console (the local
// console), bot/delivery (new articles posted to subscribed channels),
// bot/feeds (the feed poller), bot/store (bbolt), bot/settings (the
// settings), bot/discord (the session and Discord's errors) and
// bot/discordtest (a fake Discord for tests).
package bot
