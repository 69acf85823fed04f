package console

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseLine(t *testing.T) {
	tests := []struct {
		line    string
		want    parsedLine
		wantErr string
	}{
		// Options split at the command's option names; values keep their spaces.
		{line: "/partners institution:Hanoi University of Mining and Geology country:China",
			want: parsedLine{"partners", map[string]string{"institution": "Hanoi University of Mining and Geology", "country": "China"}}},
		// A question may contain "name:" words that are not options.
		{line: "/ask question:Who led the delegation? note: the HUMG one",
			want: parsedLine{"ask", map[string]string{"question": "Who led the delegation? note: the HUMG one"}}},
		{line: "/visits from:2025-11 to:2025-11",
			want: parsedLine{"visits", map[string]string{"from": "2025-11", "to": "2025-11"}}},
		// A bare question is /ask.
		{line: "Who led the HUMG delegation?", want: parsedLine{"ask", map[string]string{"question": "Who led the HUMG delegation?"}}},
		// Text before any option fills the command's one text option.
		{line: "/search summer camp", want: parsedLine{"search", map[string]string{"query": "summer camp"}}},
		// Command and option names ignore case.
		{line: "/Latest COUNT:3", want: parsedLine{"latest", map[string]string{"count": "3"}}},
		{line: "/help", want: parsedLine{"help", map[string]string{}}},
		{line: "/partner institution:HUMG", wantErr: "Did you mean /partners?"},
		{line: "/subscribtions", wantErr: "Did you mean /subscriptions?"},
		{line: "/zzzzzzzzzzzz", wantErr: "There is no command /zzzzzzzzzzzz. Type /help"},
		{line: "/latest HUMG", wantErr: "write options as name:value"},
		{line: "/help me", wantErr: "takes no options"},
		// An option the command does not have is refused, not folded into a value.
		{line: "/partners institution:HUMG colour:red", wantErr: `/partners has no option "colour"; its options are institution, country`},
		{line: "/partners HUMG colour:red", wantErr: `has no option "colour"`},
		// In the user's own words, "word:" is text: the search syntax, a question.
		{line: "/search query:title:summer camp", want: parsedLine{"search", map[string]string{"query": "title:summer camp"}}},
		{line: "/subscribe keywords:note:x", want: parsedLine{"subscribe", map[string]string{"keywords": "note:x"}}},
	}
	for _, tt := range tests {
		got, err := parseLine(tt.line)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("parseLine(%q) = %v; want error containing %q", tt.line, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseLine(%q) = %+v, %v; want %+v", tt.line, got, err, tt.want)
		}
	}
}
