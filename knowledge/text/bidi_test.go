package text

import "testing"

func TestStripBidiControls(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"report\u202efdp.exe", "reportfdp.exe"},
		{"\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069", "abcdefgh"},
		// Marks and other formatting characters stay, as does Arabic text.
		{"\u200fجامعة\u200e", "\u200fجامعة\u200e"},
		{"plain", "plain"},
	} {
		if got := StripBidiControls(tc.in); got != tc.want {
			t.Errorf("StripBidiControls(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}
