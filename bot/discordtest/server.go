package discordtest

import (
	"crypto/ed25519"
	"crypto/rand"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Server is a fake Discord listening on 127.0.0.1. Its REST routes and
// gateway answer as Discord does; its methods let a test send interactions,
// inject faults and inspect what the bot sent.
type Server struct {
	// URL is the base URL of the fake, "http://127.0.0.1:PORT"; paths keep
	// Discord's form, such as URL+"/api/v10/gateway".
	URL string
	// GatewayURL is the websocket URL the gateway routes answer,
	// "ws://127.0.0.1:PORT/gw".
	GatewayURL string
	// AppID is the application's id, which is also the bot user's id.
	AppID string
	// BotName is the bot user's name in READY and in messages it posts.
	BotName string
	// PublicKey verifies the interactions PostSignedInteraction signs: give
	// it to the bot's HTTP interactions endpoint.
	PublicKey ed25519.PublicKey

	t          testing.TB
	opts       options
	http       *httptest.Server
	privateKey ed25519.PrivateKey
	spec       *specValidator // nil when no spec was found
	routes     []route

	mu           sync.Mutex // guards the fields below
	lastID       uint64
	commands     map[string][]*discordgo.ApplicationCommand // by guild id, "" for global
	messages     map[string][]*discordgo.Message            // by channel id, oldest first
	nonces       map[string]nonceEntry                      // by channel id + "/" + nonce
	interactions map[string]*interaction                    // by interaction id
	byToken      map[string]*interaction                    // by interaction token
	requests     []Request
	frames       []Frame
	rejections   []string
	faults       []*faultRule
	buckets      map[string]*bucket
	global       bucket
	gw           gatewayState
	channelPerms map[string]int64 // by channel id: SetChannelPermissions
	changed      chan struct{}    // closed and replaced when state changes
}

// NewServer starts a fake Discord for t on 127.0.0.1:0 and closes it when
// the test ends.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	o := defaultOptions()
	for _, opt := range opts {
		opt(&o)
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatalf("discordtest: generate key: %v", err)
	}
	s := &Server{
		AppID:        o.appID,
		BotName:      "coopbot",
		PublicKey:    pub,
		t:            t,
		opts:         o,
		privateKey:   priv,
		commands:     map[string][]*discordgo.ApplicationCommand{},
		messages:     map[string][]*discordgo.Message{},
		nonces:       map[string]nonceEntry{},
		interactions: map[string]*interaction{},
		byToken:      map[string]*interaction{},
		buckets:      map[string]*bucket{},
		changed:      make(chan struct{}),
	}
	s.gw.sessions = map[string]*gatewaySession{}
	s.spec = loadSpec(t, o.specPath)
	s.routes = s.restRoutes()

	mux := http.NewServeMux()
	mux.HandleFunc("GET /gw", s.serveGateway)
	mux.HandleFunc("GET /gw/{$}", s.serveGateway) // discordgo adds a slash
	mux.HandleFunc("/api/", s.serveREST)
	mux.HandleFunc("/", s.serveREST) // unknown routes get Discord's 404
	s.http = httptest.NewServer(mux)
	s.URL = s.http.URL
	s.GatewayURL = "ws" + strings.TrimPrefix(s.URL, "http") + "/gw"
	t.Cleanup(s.Close)
	return s
}

// Close drops gateway connections and shuts the server down. It is called
// by t.Cleanup; calling it again does nothing.
func (s *Server) Close() {
	s.closeGateway()
	s.http.Close()
}

// now reads the clock that governs interaction deadlines, nonce windows
// and snowflakes.
func (s *Server) now() time.Time { return s.opts.clock() }

// notify wakes the goroutines waiting for a state change. Callers hold mu.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// reject reports a request that Discord would refuse: it fails the test
// unless ExpectRejections was given, and is kept for Rejections.
func (s *Server) reject(format string, args ...any) {
	s.t.Helper()
	msg := sprintf(format, args...)
	s.mu.Lock()
	s.rejections = append(s.rejections, msg)
	s.mu.Unlock()
	if s.opts.expectRejections {
		s.t.Logf("discordtest: rejected (expected): %s", msg)
		return
	}
	s.t.Errorf("discordtest: Discord would reject this: %s", msg)
}

// Rejections returns, in order, the descriptions of the requests the fake
// rejected as Discord would.
func (s *Server) Rejections() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.rejections...)
}
