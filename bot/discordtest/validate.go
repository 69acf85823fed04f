package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/pb33f/libopenapi-validator/config"
	verrors "github.com/pb33f/libopenapi-validator/errors"
)

// specPaths are the spec's paths the fake serves; the trimmed spec keeps
// only these and the schemas they reference.
var specPaths = []string{
	"/gateway",
	"/gateway/bot",
	"/applications/{application_id}/commands",
	"/applications/{application_id}/commands/{command_id}",
	"/applications/{application_id}/guilds/{guild_id}/commands",
	"/applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
	"/channels/{channel_id}/messages",
	"/channels/{channel_id}/messages/{message_id}",
	"/interactions/{interaction_id}/{interaction_token}/callback",
	"/webhooks/{webhook_id}/{webhook_token}",
	"/webhooks/{webhook_id}/{webhook_token}/messages/@original",
	"/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
}

// specValidator validates requests against Discord's trimmed spec. It is
// immutable once built and shared by every Server of the test binary.
type specValidator struct {
	path  string
	v     validator.Validator
	built time.Duration
}

// specCache builds each spec once per test binary: building costs about
// a second even trimmed. Package-level state, acceptable in a test double.
var specCache = struct {
	mu sync.Mutex // guards m
	m  map[string]*specEntry
}{m: map[string]*specEntry{}}

type specEntry struct {
	once sync.Once
	v    *specValidator
	err  error
}

// loadSpec returns the validator for the spec at path ("" to search, "-"
// for none), or nil, saying why in the test log.
func loadSpec(t testing.TB, path string) *specValidator {
	t.Helper()
	if path == "-" {
		return nil
	}
	if path == "" {
		path = findSpec()
	}
	if path == "" {
		t.Log("discordtest: no Discord OpenAPI spec found (DISCORD_OPENAPI_SPEC or shared/discord/openapi.json): checking limits only")
		return nil
	}
	specCache.mu.Lock()
	e := specCache.m[path]
	if e == nil {
		e = &specEntry{}
		specCache.m[path] = e
	}
	specCache.mu.Unlock()
	e.once.Do(func() { e.v, e.err = buildSpec(path) })
	if e.err != nil {
		t.Fatalf("discordtest: %v", e.err)
	}
	return e.v
}

// findSpec looks for DISCORD_OPENAPI_SPEC, then shared/discord/openapi.json
// in each ancestor of the working directory and beside it.
func findSpec() string {
	if p := os.Getenv("DISCORD_OPENAPI_SPEC"); p != "" {
		return p
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		for _, p := range []string{
			filepath.Join(dir, "shared", "discord", "openapi.json"),
			filepath.Join(dir, "..", "shared", "discord", "openapi.json"),
		} {
			if _, err := os.Stat(p); err == nil {
				return filepath.Clean(p)
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func buildSpec(path string) (*specValidator, error) {
	start := time.Now()
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read spec: %w", err)
	}
	trimmed, err := trimSpec(raw)
	if err != nil {
		return nil, fmt.Errorf("trim spec %s: %w", path, err)
	}
	doc, err := libopenapi.NewDocument(trimmed)
	if err != nil {
		return nil, fmt.Errorf("parse spec %s: %w", path, err)
	}
	v, errs := validator.NewValidator(doc, config.WithScalarCoercion(), config.WithoutSecurityValidation())
	if len(errs) > 0 {
		return nil, fmt.Errorf("build validator for %s: %w", path, errs[0])
	}
	return &specValidator{path: path, v: v, built: time.Since(start)}, nil
}

// trimSpec keeps the served paths, drops their response schemas and
// security requirements (the fake checks the token itself), and keeps the
// component schemas they reference, transitively.
func trimSpec(raw []byte) ([]byte, error) {
	var doc struct {
		OpenAPI    string                    `json:"openapi"`
		Info       any                       `json:"info"`
		Servers    any                       `json:"servers"`
		Paths      map[string]map[string]any `json:"paths"`
		Components struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	paths := map[string]any{}
	for _, p := range specPaths {
		item, ok := doc.Paths[p]
		if !ok {
			return nil, fmt.Errorf("no path %s", p)
		}
		for method, op := range item {
			if op, ok := op.(map[string]any); ok && method != "parameters" {
				op["responses"] = map[string]any{"default": map[string]any{"description": "not validated"}}
				delete(op, "security")
			}
		}
		paths[p] = item
	}
	schemas := map[string]any{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				ref, _ := x.(string)
				name, ok := strings.CutPrefix(ref, "#/components/schemas/")
				if k == "$ref" && ok {
					if _, seen := schemas[name]; !seen {
						schemas[name] = doc.Components.Schemas[name]
						walk(schemas[name])
					}
					continue
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(paths)
	return json.Marshal(map[string]any{
		"openapi":    doc.OpenAPI,
		"info":       doc.Info,
		"servers":    doc.Servers,
		"paths":      paths,
		"components": map[string]any{"schemas": schemas},
	})
}

// validate checks r, whose body was read into body, against the spec. A
// multipart body is validated through its payload_json part.
func (sv *specValidator) validate(r *http.Request, body []byte) problems {
	req := r.Clone(r.Context())
	req.URL.Path = strings.Replace(req.URL.Path, "/api/v9/", "/api/v10/", 1)
	req.URL.RawPath = ""
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		body, _ = splitMultipart(r.Header.Get("Content-Type"), body)
		req.Header.Set("Content-Type", "application/json")
	}
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.ContentLength = int64(len(body))
	ok, errs := sv.v.ValidateHttpRequestSync(req)
	if ok {
		return nil
	}
	var out problems
	for _, e := range errs {
		if len(e.SchemaValidationErrors) == 0 {
			out = append(out, problem{Problem: strings.TrimSpace(e.Message + ": " + e.Reason)})
			continue
		}
		out = append(out, schemaErrors(e.SchemaValidationErrors)...)
	}
	return out
}

// oneOfBranch finds the branch ("/oneOf/3") a schema keyword lies in.
var oneOfBranch = regexp.MustCompile(`/(oneOf|anyOf)/[0-9]+`)

// schemaErrors turns schema failures into field errors. The callback body
// is a oneOf keyed by "type": the branches for other types fail on "type"
// and say nothing useful, so they are left out (unless every branch does),
// as are repeats.
func schemaErrors(fs []*verrors.SchemaValidationFailure) []problem {
	wrongType := map[string]bool{}
	for _, f := range fs {
		if b := oneOfBranch.FindString(f.KeywordLocation); b != "" && strings.TrimPrefix(f.FieldPath, "$.") == "type" {
			wrongType[b] = true
		}
	}
	var out, all []problem
	seen := map[problem]bool{}
	for _, f := range fs {
		e := problem{Path: strings.TrimPrefix(strings.TrimPrefix(f.FieldPath, "$"), "."), Problem: f.Reason}
		all = append(all, e)
		if seen[e] || wrongType[oneOfBranch.FindString(f.KeywordLocation)] {
			continue
		}
		seen[e] = true
		out = append(out, e)
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// Spec returns the path of the OpenAPI spec requests are validated
// against and how long building its validator took (once per test binary),
// or "" when requests are checked against the limits only.
func (s *Server) Spec() (path string, built time.Duration) {
	if s.spec == nil {
		return "", 0
	}
	return s.spec.path, s.spec.built
}
