package delivery

import (
	"crypto/sha256"
	"encoding/base32"

	"github.com/bwmarrin/discordgo"
)

// nonce derives the nonce of a post from its channel and article: the same
// pair always gives the same 24 characters, so Discord's enforce_nonce
// turns a retried post into the first one.
func nonce(channel, file string) string {
	sum := sha256.Sum256([]byte(channel + "\x00" + file))
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:15])
}

// messageWithNonce is a channel message with the fields discordgo's
// MessageSend lacks.
type messageWithNonce struct {
	*discordgo.MessageSend
	Nonce        string `json:"nonce"`
	EnforceNonce bool   `json:"enforce_nonce"`
}
