package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/coopbot/coopbot/knowledge"
)

// runExport prints every fact extracted from the articles.
func runExport(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	articles := fs.String("articles", env.ArticlesDir, "the articles `folder` (COOPBOT_ARTICLES)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: coopbot export [--articles DIR]

Prints the facts extracted from every article as one JSON document:
{"articles": [{"file", "title", "published", "about_cooperation",
"institutions", "partnerships", "visits", "agreements", "people"}]},
with institutions named as the whole corpus resolves them. Files that
cannot be read as articles are skipped, each with its reason on stderr.

Options:
`)
		fs.PrintDefaults()
	}
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	lib, err := openLibrary(ctx, env, *articles)
	if err != nil {
		return err
	}
	defer lib.Close()
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", " ")
	return enc.Encode(lib.Export())
}

// openLibrary opens the knowledge library of the articles folder and logs
// the files it skipped.
func openLibrary(ctx context.Context, env Env, articles string) (*knowledge.Library, error) {
	lib, rep, err := knowledge.Open(ctx, knowledge.Config{ArticlesDir: articles, DataDir: env.DataDir})
	if err != nil {
		return nil, fmt.Errorf("open the articles in %s (COOPBOT_ARTICLES) with data in %s (COOPBOT_DATA): %w", articles, env.DataDir, err)
	}
	for _, s := range rep.Skipped {
		if env.Logger != nil {
			env.Logger.Warn("skipped an article", "file", s.File, "reason", s.Reason)
		}
	}
	return lib, nil
}
