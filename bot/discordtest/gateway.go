package discordtest

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

// gatewayState is the fake gateway's sessions and connections; the
// Server's mu guards it.
type gatewayState struct {
	conns    int                        // connections opened so far
	sessions map[string]*gatewaySession // by session id
	current  *gatewaySession            // the last one identified
	open     map[*gatewayConn]bool
}

// gatewaySession outlives its connections: Resume attaches a new one and
// replays the dispatches the bot missed.
type gatewaySession struct {
	id   string
	seq  int64
	log  []outFrame // every dispatch, for replay
	conn *gatewayConn
}

// gatewayConn is one websocket; a single goroutine writes its frames in
// the order they were queued.
type gatewayConn struct {
	n      int
	ws     *websocket.Conn
	out    chan outFrame
	closed bool // out is closed; guarded by the Server's mu
}

type outFrame struct {
	seq       int64
	raw       []byte
	closeCode int // when non-zero, send a close frame and end
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// serveGateway runs one gateway connection: Hello, then Identify or
// Resume, heartbeats, until the socket closes.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	s.mu.Lock()
	if s.gw.open == nil {
		s.gw.open = map[*gatewayConn]bool{}
	}
	s.gw.conns++
	c := &gatewayConn{n: s.gw.conns, ws: ws, out: make(chan outFrame, 1024)}
	s.gw.open[c] = true
	s.mu.Unlock()
	go s.writeFrames(c)
	defer s.dropConn(c)

	interval := max(s.opts.heartbeatInterval.Milliseconds(), 1)
	s.send(c, frame(10, map[string]any{"heartbeat_interval": interval}))
	for {
		_, raw, err := ws.ReadMessage()
		if err != nil {
			return
		}
		s.recordFrame(c.n, true, raw)
		var f struct {
			Op   int             `json:"op"`
			Data json.RawMessage `json:"d"`
		}
		if json.Unmarshal(raw, &f) != nil {
			s.send(c, outFrame{closeCode: 4002})
			s.reject("gateway: undecodable frame %q", raw)
			return
		}
		switch f.Op {
		case 1: // Heartbeat
			s.send(c, frame(11, nil))
		case 2: // Identify
			s.identify(c, f.Data)
		case 6: // Resume
			s.resume(c, f.Data)
		}
	}
}

func frame(op int, d any) outFrame {
	raw, _ := json.Marshal(map[string]any{"op": op, "d": d})
	return outFrame{raw: raw}
}

// send queues f on c; frames for a closed connection are dropped.
func (s *Server) send(c *gatewayConn, f outFrame) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sendLocked(c, f)
}

func (s *Server) sendLocked(c *gatewayConn, f outFrame) {
	if c.closed {
		return
	}
	select {
	case c.out <- f:
	default: // the bot is not reading: cut it off
		c.ws.Close()
	}
}

func (s *Server) writeFrames(c *gatewayConn) {
	for f := range c.out {
		if f.closeCode != 0 {
			c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(f.closeCode, ""), time.Now().Add(time.Second))
			c.ws.Close()
			return
		}
		if c.ws.WriteMessage(websocket.TextMessage, f.raw) != nil {
			c.ws.Close()
			return
		}
		s.recordFrame(c.n, false, f.raw)
	}
}

func (s *Server) dropConn(c *gatewayConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !c.closed {
		c.closed = true
		close(c.out)
	}
	delete(s.gw.open, c)
	for _, sess := range s.gw.sessions {
		if sess.conn == c {
			sess.conn = nil
		}
	}
	c.ws.Close()
}

func (s *Server) identify(c *gatewayConn, data json.RawMessage) {
	var d struct {
		Token string `json:"token"`
	}
	json.Unmarshal(data, &d)
	if !s.authorized("Bot " + strings.TrimPrefix(d.Token, "Bot ")) {
		s.send(c, outFrame{closeCode: 4004})
		s.reject("gateway: Identify with token %q", d.Token)
		return
	}
	s.mu.Lock()
	sess := &gatewaySession{id: "session" + s.newID(), conn: c}
	s.gw.sessions[sess.id] = sess
	s.gw.current = sess
	ready := map[string]any{
		"v":                  10,
		"session_id":         sess.id,
		"resume_gateway_url": s.GatewayURL,
		"user":               map[string]any{"id": s.AppID, "username": s.BotName, "discriminator": "0", "bot": true},
		"application":        map[string]any{"id": s.AppID, "flags": 0},
		"guilds":             []any{},
		"private_channels":   []any{},
		"shard":              []int{0, 1},
	}
	s.dispatchLocked(sess, "READY", ready)
	s.mu.Unlock()
}

func (s *Server) resume(c *gatewayConn, data json.RawMessage) {
	var d struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	json.Unmarshal(data, &d)
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := s.gw.sessions[d.SessionID]
	if sess == nil || !s.authorized("Bot "+strings.TrimPrefix(d.Token, "Bot ")) {
		s.sendLocked(c, frame(9, false)) // Invalid Session, not resumable
		return
	}
	sess.conn = c
	for _, f := range sess.log {
		if f.seq > d.Seq {
			s.sendLocked(c, f)
		}
	}
	s.dispatchLocked(sess, "RESUMED", map[string]any{})
}

// dispatch sends an op 0 event to the current session; it is kept for
// replay, so a session whose socket is down gets it on Resume.
func (s *Server) dispatch(event string, data any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gw.current == nil {
		return errors.New("no gateway session: Open the session first")
	}
	s.dispatchLocked(s.gw.current, event, data)
	return nil
}

func (s *Server) dispatchLocked(sess *gatewaySession, event string, data any) {
	sess.seq++
	raw, _ := json.Marshal(map[string]any{"op": 0, "s": sess.seq, "t": event, "d": data})
	f := outFrame{seq: sess.seq, raw: raw}
	sess.log = append(sess.log, f)
	if sess.conn != nil {
		s.sendLocked(sess.conn, f)
	}
}

// DropGateway cuts every gateway connection without a close frame, as a
// network fault would; a session with ShouldReconnectOnError reconnects
// (after discordgo's 1 s Close) and resumes.
func (s *Server) DropGateway() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.gw.open {
		c.ws.Close()
	}
}

func (s *Server) closeGateway() { s.DropGateway() }
