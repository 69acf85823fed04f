package discord

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Transient reports whether a failed call may pass when made again.
func Transient(ctx context.Context, err error) bool {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var rest *discordgo.RESTError
	if errors.As(err, &rest) {
		return rest.Response != nil && rest.Response.StatusCode >= 500
	}
	var limited *discordgo.RateLimitError
	if errors.As(err, &limited) || errors.Is(err, discordgo.ErrJSONUnmarshal) {
		return false
	}
	var netErr net.Error
	var urlErr *url.Error
	if errors.As(err, &netErr) || errors.As(err, &urlErr) {
		return true
	}
	// discordgo's own error after retrying a 502 MaxRestRetries times.
	return strings.HasPrefix(err.Error(), "Exceeded Max retries")
}

// Code returns the JSON error code of a Discord error answer, or 0.
func Code(err error) int {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Message != nil {
		return rest.Message.Code
	}
	return 0
}

// Relocated returns err with Discord's address in its message replaced by
// base, where the request really went: discordgo names
// https://discord.com/api/... whatever DISCORD_API_BASE says, and the HTTP
// client quotes that URL in a network error. errors.Is and errors.As still
// see err.
func Relocated(base *url.URL, err error) error {
	if err == nil || base == nil {
		return err
	}
	from := "https://" + discordHost
	to := strings.TrimSuffix(base.Redacted(), "/")
	msg := err.Error()
	if to == from || !strings.Contains(msg, from) {
		return err
	}
	return &relocatedError{msg: strings.ReplaceAll(msg, from, to), err: err}
}

// relocatedError is an error whose message names the address a request
// went to instead of Discord's.
type relocatedError struct {
	msg string
	err error
}

func (e *relocatedError) Error() string { return e.msg }
func (e *relocatedError) Unwrap() error { return e.err }
