package commands

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
	"github.com/coopbot/coopbot/knowledge/text"
)

// fakeLib is a Knowledge double whose answers the test sets, so that the
// handlers can be tried on data of any size.
type fakeLib struct {
	entities  []knowledge.Entity
	countries []string
	articles  []knowledge.ArticleSummary
	partners  []knowledge.Partner
	visits    []knowledge.VisitRecord
	hits      []knowledge.SearchHit
	answer    *knowledge.Answer
	report    knowledge.SyncReport
	err       error                       // returned by every call when set
	names     map[string]knowledge.Entity // folded names, built on first use
}

func (f *fakeLib) resolve(name string) (knowledge.Entity, error) {
	if f.names == nil {
		f.names = map[string]knowledge.Entity{}
		for _, e := range f.entities {
			for _, n := range append([]string{e.Name, e.ID}, e.Acronyms...) {
				f.names[text.Fold(n)] = e
			}
		}
	}
	if e, ok := f.names[text.Fold(name)]; ok {
		return e, nil
	}
	nf := &knowledge.NotFoundError{What: "institution", Name: name}
	for _, e := range f.entities {
		if strings.HasPrefix(text.Fold(e.Name), text.Fold(name)[:min(3, len(text.Fold(name)))]) {
			nf.Suggestions = append(nf.Suggestions, e.Display())
		}
	}
	return knowledge.Entity{}, nf
}

func (f *fakeLib) country(name string) error {
	if name == "" {
		return nil
	}
	for _, c := range f.countries {
		if text.Fold(c) == text.Fold(name) {
			return nil
		}
	}
	return &knowledge.NotFoundError{What: "country", Name: name}
}

func (f *fakeLib) Sync(ctx context.Context) (knowledge.SyncReport, error) { return f.report, f.err }

func (f *fakeLib) Latest(ctx context.Context, n int, flt knowledge.Filter) ([]knowledge.ArticleSummary, error) {
	if f.err != nil {
		return nil, f.err
	}
	if flt.Institution != "" {
		if _, err := f.resolve(flt.Institution); err != nil {
			return nil, err
		}
	}
	if err := f.country(flt.Country); err != nil {
		return nil, err
	}
	return f.articles[:min(n, len(f.articles))], nil
}

func (f *fakeLib) Partners(ctx context.Context, inst, country string) (*knowledge.PartnersResult, error) {
	if f.err != nil {
		return nil, f.err
	}
	e, err := f.resolve(inst)
	if err != nil {
		return nil, err
	}
	if err := f.country(country); err != nil {
		return nil, err
	}
	return &knowledge.PartnersResult{Institution: &e, Partners: f.partners}, nil
}

func (f *fakeLib) Visits(ctx context.Context, vf knowledge.VisitFilter) ([]knowledge.VisitRecord, error) {
	if f.err != nil {
		return nil, f.err
	}
	if vf.Institution != "" {
		if _, err := f.resolve(vf.Institution); err != nil {
			return nil, err
		}
	}
	return f.visits, f.country(vf.Country)
}

func (f *fakeLib) Search(ctx context.Context, q string, n int) (*knowledge.SearchResult, error) {
	if f.err != nil {
		return nil, f.err
	}
	if strings.Count(q, `"`)%2 == 1 {
		return nil, &knowledge.QueryError{Query: q, Reason: "unbalanced quote", Hint: "Close the quote."}
	}
	return &knowledge.SearchResult{Total: uint64(len(f.hits)), Hits: f.hits[:min(n, len(f.hits))]}, nil
}

func (f *fakeLib) Ask(ctx context.Context, q string) (*knowledge.Answer, error) {
	if f.err != nil {
		return nil, f.err
	}
	if f.answer == nil {
		return &knowledge.Answer{Text: "The articles do not say.", Found: false}, nil
	}
	return f.answer, nil
}

func (f *fakeLib) Resolve(name string) (knowledge.Entity, error) { return f.resolve(name) }

func (f *fakeLib) Suggest(prefix string, n int) []knowledge.Entity {
	return f.entities[:min(n, len(f.entities))]
}

func (f *fakeLib) SuggestCountries(prefix string, n int) []string {
	return f.countries[:min(n, len(f.countries))]
}

func (f *fakeLib) Matches(file string, flt knowledge.Filter) bool { return true }

// memStore is an in-memory subscription.Store.
type memStore struct {
	mu   sync.Mutex // guards subs and seq
	subs []subscription.Subscription
	seq  int
}

func (m *memStore) SaveSubscription(s subscription.Subscription) (subscription.Subscription, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s.ID == "" {
		m.seq++
		s.ID = strconv.Itoa(m.seq)
		m.subs = append(m.subs, s)
		return s, nil
	}
	for i := range m.subs {
		if m.subs[i].ID == s.ID {
			m.subs[i] = s
			return s, nil
		}
	}
	return subscription.Subscription{}, subscription.ErrNoSubscription
}

func (m *memStore) Subscriptions(guild, channel string) ([]subscription.Subscription, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []subscription.Subscription
	for _, s := range m.subs {
		if (guild == "" || s.GuildID == guild) && (channel == "" || s.ChannelID == channel) {
			out = append(out, s)
		}
	}
	return out, nil
}

func (m *memStore) DeleteSubscription(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, s := range m.subs {
		if s.ID == id {
			m.subs = append(m.subs[:i], m.subs[i+1:]...)
			return nil
		}
	}
	return subscription.ErrNoSubscription
}

var errBoom = errors.New("disk on fire")

// Permission sets of the members in tests.
const (
	admin     = discordgo.PermissionAdministrator
	moderator = discordgo.PermissionManageChannels | discordgo.PermissionViewChannel
	member    = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages
)
