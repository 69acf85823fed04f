package knowledge

import (
	"context"
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

// openTestLibrary opens a library of dir in a temporary data directory.
func openTestLibrary(t testing.TB, dir string) *Library {
	l, _, err := Open(context.Background(), Config{ArticlesDir: dir, DataDir: t.TempDir()})
	if err != nil {
		t.Fatalf("Open(%s) error = %v", dir, err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}
