package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// tsvRow is one data line of a tab-separated file.
type tsvRow struct {
	pos    string // file:line, for errors
	fields []string
}

// parseTSV returns the data rows of a tab-separated text whose first line
// that is not blank or a '#' comment must be header; each row has the
// header's columns, trimmed.
func parseTSV(path string, data []byte, header string) ([]tsvRow, error) {
	columns := strings.Count(header, "\t") + 1
	var rows []tsvRow
	seenHeader := false
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		pos := fmt.Sprintf("%s:%d", path, i+1)
		if !seenHeader {
			if line != header {
				return nil, fmt.Errorf("%s: header is %q; want %q", pos, line, header)
			}
			seenHeader = true
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != columns {
			return nil, fmt.Errorf("%s: %d columns; want %d", pos, len(fields), columns)
		}
		for j := range fields {
			fields[j] = strings.TrimSpace(fields[j])
		}
		rows = append(rows, tsvRow{pos: pos, fields: fields})
	}
	if !seenHeader {
		return nil, fmt.Errorf("%s: no header", path)
	}
	return rows, nil
}

// splitList splits a ';'-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ";") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// table is a generated gazetteer file: comment lines, a header, rows.
type table struct {
	comment []string // without the leading "# "
	header  string
	rows    [][]string
}

// bytes renders t as the gazetteer reads it.
func (t *table) bytes() []byte {
	var b bytes.Buffer
	for _, c := range t.comment {
		b.WriteString(strings.TrimRight("# "+c, " "))
		b.WriteByte('\n')
	}
	b.WriteString(t.header)
	b.WriteByte('\n')
	for _, r := range t.rows {
		b.WriteString(strings.Join(r, "\t"))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// writeFile writes data to dir/name.
func writeFile(dir, name string, data []byte) error {
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// cleanField makes s safe for a ';'-separated TSV field: no tabs, no
// semicolons, no line breaks, single spaces.
func cleanField(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r', ';', '\u00a0', '\ufeff', '\u200b':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
