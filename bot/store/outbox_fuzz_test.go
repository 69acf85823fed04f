package store

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzDecodePost decodes any outbox value, as the senders do after a crash
// or with a file another version wrote: it never panics; an unknown
// version or a broken value is an error that names the post; a value it
// accepts keeps its key and encodes back to the same post.
func FuzzDecodePost(f *testing.F) {
	f.Fuzz(func(t *testing.T, k, v []byte) {
		p, err := decodePost(k, v)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "post ") {
				t.Fatalf("decodePost(%q, %q) = %v; want an error naming the post", k, v, err)
			}
			return
		}
		if p.Key != string(k) {
			t.Fatalf("decodePost(%q, %q) = key %q", k, v, p.Key)
		}
		b, err := json.Marshal(postV1{Channel: p.Channel, File: p.File, Subscription: p.Subscription, Queued: p.Queued})
		if err != nil {
			t.Fatalf("re-encode %+v: %v", p, err)
		}
		again, err := decodePost(k, append([]byte{postVersion}, b...))
		if err != nil || again.Channel != p.Channel || again.File != p.File || again.Subscription != p.Subscription || !again.Queued.Equal(p.Queued) {
			t.Fatalf("decodePost(%q) = %+v, re-encoded %+v, %v", v, p, again, err)
		}
	})
}
