package discord

import (
	"errors"
	"io/fs"
	"net/url"
	"testing"
)

func TestRelocated(t *testing.T) {
	base, _ := url.Parse("http://proxy.internal:8080/discord")
	cause := &url.Error{Op: "Put", URL: "https://discord.com/api/v9/applications/1/commands", Err: fs.ErrNotExist}
	err := Relocated(base, cause)
	if want := `Put "http://proxy.internal:8080/discord/api/v9/applications/1/commands": file does not exist`; err.Error() != want {
		t.Errorf("Relocated() = %q; want %q", err, want)
	}
	var ue *url.Error
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &ue) {
		t.Errorf("Relocated() hides its cause from errors.Is and errors.As")
	}
	discordItself, _ := url.Parse("https://discord.com")
	if got := Relocated(discordItself, cause); got != cause {
		t.Errorf("Relocated(discord.com) = %v; want the error unchanged", got)
	}
	if Relocated(base, nil) != nil {
		t.Errorf("Relocated(nil) is not nil")
	}
}
