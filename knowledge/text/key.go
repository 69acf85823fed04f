package text

import "strings"

// Key folds a name for comparison, without a leading "the".
func Key(name string) string {
	return strings.TrimPrefix(Fold(name), "the ")
}
