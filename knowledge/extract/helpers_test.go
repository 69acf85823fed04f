package extract

import (
	"sync"
	"testing"

	"github.com/coopbot/coopbot/knowledge/gazetteer"
)

var (
	gazOnce sync.Once
	gaz     *gazetteer.Gazetteer
	gazErr  error
)

// testGazetteer loads the gazetteer once for the test binary.
func testGazetteer(t testing.TB) *gazetteer.Gazetteer {
	gazOnce.Do(func() { gaz, gazErr = gazetteer.Load() })
	if gazErr != nil {
		t.Fatal(gazErr)
	}
	return gaz
}
