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
