package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Request is one REST request the fake received, recorded in full with
// the answer it got.
type Request struct {
	Method string
	// Path is the path as sent, such as "/api/v9/channels/1/messages".
	Path string
	// Route is the matched route, such as
	// "POST /channels/{channel_id}/messages", or "" for an unknown one.
	Route  string
	Query  url.Values
	Header http.Header
	Body   []byte
	// Status and Response are the fake's answer.
	Status   int
	Response []byte
	// Time is when the request arrived, on the real clock.
	Time time.Time
}

// Frame is one gateway frame, in either direction, recorded in full.
type Frame struct {
	// Conn numbers the gateway connections from 1, in order of opening.
	Conn int
	// FromClient is true for frames the bot sent, false for the fake's.
	FromClient bool
	Op         int
	Seq        int64  // s, for dispatches
	Type       string // t, for dispatches ("READY", "INTERACTION_CREATE")
	Data       json.RawMessage
	Time       time.Time
}

func (s *Server) record(r *http.Request, body []byte, route string, rec *recorder, start time.Time) {
	status := rec.status
	if status == 0 {
		status = http.StatusOK
	}
	req := Request{
		Method:   r.Method,
		Path:     r.URL.Path,
		Route:    route,
		Query:    r.URL.Query(),
		Header:   r.Header.Clone(),
		Body:     body,
		Status:   status,
		Response: append([]byte(nil), rec.body.Bytes()...),
		Time:     start,
	}
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.notify()
	s.mu.Unlock()
}

// recordFrame keeps a gateway frame; raw is its JSON text.
func (s *Server) recordFrame(conn int, fromClient bool, raw []byte) {
	var f struct {
		Op   int             `json:"op"`
		Seq  int64           `json:"s"`
		Type string          `json:"t"`
		Data json.RawMessage `json:"d"`
	}
	json.Unmarshal(raw, &f)
	s.mu.Lock()
	s.frames = append(s.frames, Frame{
		Conn: conn, FromClient: fromClient, Op: f.Op, Seq: f.Seq, Type: f.Type,
		Data: append(json.RawMessage(nil), f.Data...), Time: time.Now(),
	})
	s.notify()
	s.mu.Unlock()
}

// Requests returns every REST request received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Frames returns every gateway frame sent or received so far, in order.
func (s *Server) Frames() []Frame {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Frame(nil), s.frames...)
}

// WaitFrame waits until a gateway frame that match accepts has been
// recorded, sent or received, and returns the first such; or ctx's error.
// A frame the fake sends is recorded once written to the socket, so the
// bot may act on it (and a test see the effect) before it is recorded:
// wait for the frame rather than for time.
func (s *Server) WaitFrame(ctx context.Context, match func(Frame) bool) (Frame, error) {
	seen := 0
	for {
		s.mu.Lock()
		frames, changed := append([]Frame(nil), s.frames[seen:]...), s.changed
		s.mu.Unlock()
		for _, f := range frames {
			if match(f) {
				return f, nil
			}
		}
		seen += len(frames)
		select {
		case <-ctx.Done():
			return Frame{}, fmt.Errorf("wait for a gateway frame: %w", ctx.Err())
		case <-changed:
		}
	}
}
