// Helpers of the benchmarks: query sets, latency percentiles, disk and
// memory figures.

package knowledge

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// corpusSample is what query sets are drawn from.
type corpusSample struct {
	institutions, acronyms, countries, people, words []string
}

// sampleCorpus draws names and words from the records of m.
func sampleCorpus(m *model) corpusSample {
	var s corpusSample
	seen := map[string]bool{}
	add := func(to *[]string, v string) {
		if v != "" && !seen[v] && len(*to) < 100 {
			seen[v] = true
			*to = append(*to, v)
		}
	}
	for i, r := range m.records {
		if i%7 != 0 {
			continue
		}
		for _, in := range r.Facts.Institutions {
			add(&s.institutions, in.Name)
			add(&s.countries, in.Country)
			for _, a := range in.Aliases {
				add(&s.acronyms, a)
			}
		}
		for _, p := range r.Facts.People {
			add(&s.people, p.Name)
		}
		for _, w := range strings.Fields(r.Article.Title) {
			if len(w) > 6 {
				add(&s.words, strings.ToLower(strings.Trim(w, "“”\"")))
			}
		}
	}
	return s
}

// searchQueries is a varied set of full-text searches: words, phrases,
// must and must-not, fields, fuzzy and wildcard terms.
func searchQueries(l *Library, s corpusSample) []func(context.Context) error {
	var texts []string
	for i, w := range s.words {
		texts = append(texts, w, fmt.Sprintf("+%s -%s", w, s.words[(i+1)%len(s.words)]),
			fmt.Sprintf("title:%s", w), w[:4]+"*", w+"~1")
	}
	for _, in := range s.institutions {
		texts = append(texts, `"`+in+`"`)
	}
	texts = append(texts, `"rare earth elements"`, "landslide monitoring", "scholarship 2024", "memorandum understanding")
	var qs []func(context.Context) error
	for _, t := range texts {
		qs = append(qs, func(ctx context.Context) error {
			_, err := l.Search(ctx, t, 10)
			return err
		})
	}
	return qs
}

// benchLatency runs every query once per iteration, and reports the
// median and 99th percentile of their durations.
func benchLatency(b *testing.B, queries []func(context.Context) error) {
	var durs []time.Duration
	ctx := context.Background()
	for b.Loop() {
		for _, q := range queries {
			start := time.Now()
			if err := q(ctx); err != nil {
				b.Fatal(err)
			}
			durs = append(durs, time.Since(start))
		}
	}
	slices.Sort(durs)
	ms := func(p float64) float64 { return float64(durs[int(p*float64(len(durs)-1))]) / 1e6 }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(float64(len(durs))/float64(b.N), "queries/op")
}

// dirSize returns the bytes of the files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// peakRSS returns the process's peak resident set size in MB, from
// /proc/self/status; 0 where there is no such file.
func peakRSS(b *testing.B) float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb float64
			if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%f kB", &kb); err != nil {
				b.Logf("VmHWM %q: %v", rest, err)
			}
			return kb / 1024
		}
	}
	return 0
}
