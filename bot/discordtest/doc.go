// Package discordtest provides a fake Discord on loopback, shaped like
// net/http/httptest, that the real discordgo client talks to.
//
// NewServer starts it for one test. Point a session at it with
// Server.Session, or any http.Client with Server.Client; a bot configured
// with a base URL (DISCORD_API_BASE) can use Server.URL, since the fake
// serves the real paths (/api/v9/... and /api/v10/...).
//
// The fake serves the gateway (Hello, Identify and READY, heartbeats and
// their ACKs, INTERACTION_CREATE, Resume with replay of missed dispatches)
// and these REST routes: GET /gateway and /gateway/bot; global and guild
// application commands (list, bulk overwrite, create, get, edit, delete);
// POST /interactions/{id}/{token}/callback; the interaction webhooks
// (@original, followups: create, get, edit, delete); channel messages
// (create, list, get, edit, delete). Any other route answers Discord's 404.
//
// What it validates, on every REST request:
//
//   - the request against Discord's OpenAPI spec for API v10 (body, path
//     and query parameters), trimmed to the routes above, when the spec is
//     found (DISCORD_OPENAPI_SPEC, or shared/discord/openapi.json in an
//     ancestor of the working directory or beside one);
//   - the limits the spec does not encode, from the fake's own table of
//     Discord's documented limits (limits.go; it never uses the bot's
//     validator, which it is there to check): message content at most 2000
//     characters, never an empty message, 6000 characters across embeds,
//     command names lower case and matching Discord's pattern, required
//     options first, choices and autocomplete exclusive, 8000 characters a
//     command, components' counts and custom_ids;
//   - "Authorization: Bot <token>" on every route but the gateway URL,
//     interaction callbacks and webhooks;
//   - exactly one callback per interaction (40060 on the second), within
//     3 s of its creation (10062 after), and webhook edits and followups
//     within 15 minutes (50027 after), on an injectable clock;
//   - nonce at most 25 characters, and enforce_nonce deduplication of
//     channel messages within two minutes;
//   - on the gateway, the token in Identify and the session in Resume.
//
// Every request the real Discord would reject fails the test (t.Errorf)
// and gets Discord's error shape, unless ExpectRejections is given.
// Every REST response carries rate-limit headers; WithRateLimits enforces
// the real limits (50 requests a second, 5 messages per 5 s per channel)
// with 429s. InjectFault makes chosen routes fail (429, 500, 502, 403,
// 404, latency) and DropGateway cuts the gateway connection.
//
// What it does not validate or model: permissions, guilds, channels and
// members (every channel exists unless a fault says otherwise); mentions,
// attachments' contents and files' sizes; the invalid-request (IP ban)
// counter; gateway intents, sharding, zlib compression, presence and
// voice; op 7 Reconnect and op 9 Invalid Session; shared and sub-limit
// rate-limit buckets; the spec's response schemas. Lengths are counted in
// runes, where Discord may count an emoji outside the BMP as two.
package discordtest
