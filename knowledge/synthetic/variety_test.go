package synthetic

import (
	"regexp"
	"testing"
)

// TestInstitutionVariety checks that the corpus names many distinct
// institutions, as real articles do, not the few built in.
func TestInstitutionVariety(t *testing.T) {
	const n = 2000
	heads := regexp.MustCompile(`[A-Z][\p{L}']*(?: (?:[A-Z][\p{L}']*|of|and))* (?:University|Polytechnic|Institute|Academy|School|College|Conservatory)(?: (?:of )?(?:[A-Z][\p{L}']*|and|of))*`)
	distinct := map[string]bool{}
	for _, f := range Generate(1, n) {
		for _, m := range heads.FindAllString(string(f.Data), -1) {
			distinct[m] = true
		}
	}
	t.Logf("%d articles name %d distinct institution-like names (%d built in)", n, len(distinct), len(institutions()))
	if len(distinct) < n/2 {
		t.Errorf("%d articles name %d distinct institution-like names; want at least %d", n, len(distinct), n/2)
	}
}
