package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// Commands returns the commands registered for guildID, or the global
// ones when guildID is "".
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*discordgo.ApplicationCommand(nil), s.commands[guildID]...)
}

// checkApp answers 403 when the path names another application.
func (s *Server) checkApp(w http.ResponseWriter, r *restRequest) bool {
	s.t.Helper()
	if id := r.params["application_id"]; id != s.AppID {
		s.fail(w, http.StatusForbidden, 50001, "Missing Access", nil,
			"%s %s: application %s, the bot is %s", r.Method, r.URL.Path, id, s.AppID)
		return false
	}
	return true
}

func (s *Server) listCommands(w http.ResponseWriter, r *restRequest) {
	if s.checkApp(w, r) {
		writeJSON(w, http.StatusOK, s.Commands(r.params["guild_id"]))
	}
}

// overwriteCommands is the bulk overwrite (PUT): the list replaces every
// command; a command keeps its id when its name and type stay.
func (s *Server) overwriteCommands(w http.ResponseWriter, r *restRequest) {
	if !s.checkApp(w, r) {
		return
	}
	var cs []*discordgo.ApplicationCommand
	if err := json.Unmarshal(r.body, &cs); err != nil {
		s.invalidJSON(w, r, err)
		return
	}
	seen := map[string]bool{}
	for i, c := range cs {
		if !s.checkCommand(w, r, c, fmt.Sprintf("%d.", i)) {
			return
		}
		key := fmt.Sprint(c.Type, c.Name)
		if seen[key] {
			s.fail(w, http.StatusBadRequest, 50035, "Invalid Form Body",
				map[string]any{fmt.Sprint(i): map[string]any{"name": map[string]any{"_errors": []any{map[string]string{"code": "APPLICATION_COMMANDS_DUPLICATE_NAME", "message": "Application command names must be unique"}}}}},
				"%s %s: duplicate command name %q", r.Method, r.URL.Path, c.Name)
			return
		}
		seen[key] = true
	}
	guild := r.params["guild_id"]
	s.mu.Lock()
	old := s.commands[guild]
	var out []*discordgo.ApplicationCommand
	for _, c := range cs {
		out = append(out, s.stored(c, guild, old))
	}
	s.commands[guild] = out
	s.notify()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

// stored fills in the fields Discord adds to a command, keeping the id of
// the command of the same name and type in old. Callers hold mu.
func (s *Server) stored(c *discordgo.ApplicationCommand, guild string, old []*discordgo.ApplicationCommand) *discordgo.ApplicationCommand {
	c.ApplicationID, c.GuildID, c.Version = s.AppID, guild, s.newID()
	if c.Type == 0 {
		c.Type = discordgo.ChatApplicationCommand
	}
	c.ID = ""
	for _, o := range old {
		if o.Name == c.Name && o.Type == c.Type {
			c.ID = o.ID
		}
	}
	if c.ID == "" {
		c.ID = s.newID()
	}
	return c
}

// createCommand creates a command, or replaces the one of the same name.
func (s *Server) createCommand(w http.ResponseWriter, r *restRequest) {
	if !s.checkApp(w, r) {
		return
	}
	var c discordgo.ApplicationCommand
	if err := json.Unmarshal(r.body, &c); err != nil {
		s.invalidJSON(w, r, err)
		return
	}
	if !s.checkCommand(w, r, &c, "") {
		return
	}
	guild := r.params["guild_id"]
	s.mu.Lock()
	cs := s.commands[guild]
	sc := s.stored(&c, guild, cs)
	status := http.StatusCreated
	for i, o := range cs {
		if o.ID == sc.ID {
			cs, status = append(cs[:i:i], cs[i+1:]...), http.StatusOK
			break
		}
	}
	s.commands[guild] = append(cs, sc)
	s.notify()
	s.mu.Unlock()
	writeJSON(w, status, sc)
}

// command finds a command by the route's ids. Callers hold mu.
func (s *Server) command(r *restRequest) (int, *discordgo.ApplicationCommand) {
	for i, c := range s.commands[r.params["guild_id"]] {
		if c.ID == r.params["command_id"] {
			return i, c
		}
	}
	return -1, nil
}

func (s *Server) unknownCommand(w http.ResponseWriter, r *restRequest) {
	s.fail(w, http.StatusNotFound, 10063, "Unknown application command", nil, "%s %s: no such command", r.Method, r.URL.Path)
}

func (s *Server) getCommand(w http.ResponseWriter, r *restRequest) {
	if !s.checkApp(w, r) {
		return
	}
	s.mu.Lock()
	_, c := s.command(r)
	s.mu.Unlock()
	if c == nil {
		s.unknownCommand(w, r)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

// editCommand applies the fields present in the body to the command.
func (s *Server) editCommand(w http.ResponseWriter, r *restRequest) {
	if !s.checkApp(w, r) {
		return
	}
	s.mu.Lock()
	i, c := s.command(r)
	s.mu.Unlock()
	if c == nil {
		s.unknownCommand(w, r)
		return
	}
	edited := *c
	if err := json.Unmarshal(r.body, &edited); err != nil {
		s.invalidJSON(w, r, err)
		return
	}
	if !s.checkCommand(w, r, &edited, "") {
		return
	}
	s.mu.Lock()
	edited.ID, edited.Version = c.ID, s.newID()
	s.commands[r.params["guild_id"]][i] = &edited
	s.notify()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, &edited)
}

func (s *Server) deleteCommand(w http.ResponseWriter, r *restRequest) {
	if !s.checkApp(w, r) {
		return
	}
	s.mu.Lock()
	i, c := s.command(r)
	if c != nil {
		cs := s.commands[r.params["guild_id"]]
		s.commands[r.params["guild_id"]] = append(cs[:i:i], cs[i+1:]...)
		s.notify()
	}
	s.mu.Unlock()
	if c == nil {
		s.unknownCommand(w, r)
		return
	}
	writeJSON(w, http.StatusNoContent, nil)
}
