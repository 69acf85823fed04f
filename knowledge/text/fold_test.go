package text

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"china", "china"}, // already folded: returned as is
		{"Tianjin University", "tianjin university"},    // ASCII upper case
		{"  Ho   Chi\tMinh  City ", "ho chi minh city"}, // runs of space collapse, ends trimmed
		{"Xi'an", "xi an"},                                 // apostrophe is a separator
		{"Xi’an", "xi an"},                                 // so is a typographic one
		{"Guinea-Bissau", "guinea bissau"},                 // hyphen too
		{"U.S.A.", "u s a"},                                // full stops
		{"Hà Nội", "ha noi"},                               // Vietnamese tones
		{"Nguyễn Đắc Trung", "nguyen dac trung"},           // đ has no decomposition
		{"ĐÀ NẴNG", "da nang"},                             // upper-case Vietnamese
		{"Côte d'Ivoire", "cote d ivoire"},                 // French
		{"São Tomé and Príncipe", "sao tome and principe"}, // Portuguese
		{"Düsseldorf", "dusseldorf"},                       // German umlaut
		{"Straße", "strasse"},                              // sharp s
		{"Łódź", "lodz"},                                   // Polish stroke
		{"Ørsted", "orsted"},                               // Danish o with stroke
		{"Kraków—Poland", "krakow poland"},                 // em dash
		{"北京大学", "北京大学"},                                   // letters of other scripts are kept
		{"COVID-19", "covid 19"},                           // digits are kept
		{"--", ""},                                         // nothing but punctuation
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldDecomposesAsNFD checks that Fold, which decomposes one character
// at a time, folds every character as folding the NFD form of the whole
// string does, alone and between other characters.
func TestFoldDecomposesAsNFD(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), "A" + string(r) + "\u0301b"} {
			if got, want := foldUnicode(s), foldDecomposed(s); got != want {
				t.Fatalf("foldUnicode(%q) = %q; foldDecomposed = %q", s, got, want)
			}
		}
	}
}

func BenchmarkFoldASCII(b *testing.B) {
	for b.Loop() {
		Fold("Tianjin University of Technology")
	}
}

func BenchmarkFoldVietnamese(b *testing.B) {
	for b.Loop() {
		Fold("Trường Đại học Bách khoa Hà Nội")
	}
}
