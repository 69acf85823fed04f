package extract

import (
	"strings"

	"github.com/coopbot/coopbot/knowledge/gazetteer"
	"github.com/coopbot/coopbot/knowledge/text"
)

// PlaceMention is a place named in a sentence: a country, region or city
// from the gazetteer, a demonym ("Chinese"), or a city the text calls one
// ("in Phu Tan city").
type PlaceMention struct {
	Place    gazetteer.Place
	From, To int
	// Demonym marks an adjective of nationality: it gives a country, not a place.
	Demonym bool
}

// maxPlaceWords bounds the names tried at each position.
const maxPlaceWords = 5

// Places finds the places named in a sentence, longest names first.
func (x *Extractor) Places(toks []text.Token) []PlaceMention {
	var out []PlaceMention
	for i := 0; i < len(toks); i++ {
		if !toks[i].IsWord() || !toks[i].IsCap() {
			continue
		}
		found := false
		for n := min(maxPlaceWords, x.gaz.MaxWords(), len(toks)-i); n >= 1 && !found; n-- {
			if !toks[i+n-1].IsWord() || !toks[i+n-1].IsCap() {
				continue
			}
			name := joinWords(toks, i, i+n)
			if p, ok := x.gaz.Lookup(name); ok {
				out = append(out, PlaceMention{Place: p, From: i, To: i + n})
				i += n - 1
				found = true
			}
		}
		if found {
			continue
		}
		if c, ok := x.gaz.CountryOfDemonym(toks[i].Text); ok {
			out = append(out, PlaceMention{Place: gazetteer.Place{Name: c, Kind: gazetteer.PlaceCountry, Country: c}, From: i, To: i + 1, Demonym: true})
			continue
		}
		// "in Phu Tan city": a city the gazetteer does not know.
		j := i
		for j < len(toks) && j-i < 3 && toks[j].IsWord() && toks[j].IsCap() {
			j++
		}
		if j < len(toks) && j > i && (toks[j].Text == "city" || toks[j].Text == "City") && i > 0 && toks[i-1].Text == "in" {
			out = append(out, PlaceMention{Place: gazetteer.Place{Name: joinWords(toks, i, j), Kind: gazetteer.PlaceCity}, From: i, To: j + 1})
			i = j
		}
	}
	return out
}

// isPlace reports whether name is a place the gazetteer knows.
func (x *Extractor) isPlace(name string) bool {
	_, ok := x.gaz.Lookup(name)
	return ok
}

// joinWords joins the words of toks[i:j] with single spaces.
func joinWords(toks []text.Token, i, j int) string {
	n := 0
	for k := i; k < j; k++ {
		n += len(toks[k].Text) + 1
	}
	b := make([]byte, 0, n)
	for k := i; k < j; k++ {
		if k > i {
			b = append(b, ' ')
		}
		b = append(b, toks[k].Text...)
	}
	return string(b)
}

// placeCity is the kind of a city.
const placeCity = gazetteer.PlaceCity

// destination is the country a delegation travels to: the first country
// the unit names that is not the visitor's own.
func (w *draft) destination(u *unit, visitor int) string {
	home := w.orgs.list[visitor].country
	for _, p := range u.places {
		if p.Place.Country != "" && p.Place.Country != home && !p.Demonym && !inMention(u.insts, p.From) &&
			u.word(p.To) != "'s" {
			return p.Place.Country // but "China's Fudan University" says where the guests come from
		}
	}
	return ""
}

// countryOf is the country a unit places its events in: its city's, or
// the one country it names ("… at RMIT University in Melbourne").
func (w *draft) countryOf(u *unit, city string) string {
	if p, ok := w.x.gaz.Lookup(city); ok && city != "" {
		return p.Country
	}
	return w.soleCountry(u)
}

// cityIn finds the city a unit places its events in: "in Osaka", "in Phu Tan city".
func (w *draft) cityIn(u *unit) string {
	for _, p := range u.places {
		if p.Place.Kind != gazetteer.PlaceCity || p.From == 0 || !strings.EqualFold(u.toks[p.From-1].Text, "in") {
			continue
		}
		return p.Place.Name
	}
	return ""
}

// datelineCity returns the city that opens the article's lead, as news
// datelines write it ("CEBU CITY — …", "JOHOR BAHRU, 1 August 2024 – …",
// "Malang - …"), and its country; "" when there is none.
func (w *draft) datelineCity() (city, country string) {
	if len(w.a.Paragraphs) == 0 {
		return "", ""
	}
	p := w.a.Paragraphs[0]
	end := strings.IndexAny(p, ",—–-(")
	if end <= 0 || end > 30 {
		return "", ""
	}
	head := strings.TrimSpace(p[:end])
	if head == "" || strings.ContainsAny(head, ".:;") {
		return "", ""
	}
	head = strings.TrimSuffix(strings.TrimSuffix(head, " CITY"), " City")
	if pl, ok := w.x.gaz.Lookup(head); ok && pl.Kind == gazetteer.PlaceCity {
		return pl.Name, pl.Country
	}
	return "", ""
}
