package text

import (
	"slices"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The MoU was signed. Both sides spoke.", []string{"The MoU was signed.", "Both sides spoke."}},
		{"It was signed by Prof. Dr. Nguyen Van An and Dr. Jane Roe.", []string{"It was signed by Prof. Dr. Nguyen Van An and Dr. Jane Roe."}},
		// "Pr." is the French professor's; "Mme" a lady's.
		{"Attending were the rector of UAM, Pr. Ibrahima Cissé, and Mme. Fatimata Kane. They met.",
			[]string{"Attending were the rector of UAM, Pr. Ibrahima Cissé, and Mme. Fatimata Kane.", "They met."}},
		{"Manuel S. Enverga University signed on Jan. 31. It was online.", []string{"Manuel S. Enverga University signed on Jan. 31.", "It was online."}},
	}
	for _, tt := range tests {
		if got := Sentences(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Sentences(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
