// Package limits holds Discord's documented limits on what a bot sends
// (messages, interaction responses, autocomplete choices and command
// definitions) and the validator that checks a reply against them before
// it is sent, including the limits Discord's OpenAPI spec does not encode
// (see shared/notes/discord.md).
//
// Lengths are counted in runes (Unicode code points), not bytes: "é" and
// "日" count one each. Discord documents "characters" without saying which
// unit; runes and UTF-16 agree except for characters outside the Basic
// Multilingual Plane (most emoji), which count one here and may count two
// at Discord, so keep a margin when a text full of emoji runs close to a
// limit.
package limits

// A message: its content, embeds and components.
const (
	// Content is the most characters of a bot's message content.
	Content = 2000
	// Embeds is the most embeds in a message.
	Embeds = 10
	// Title is the most characters of an embed's title.
	Title = 256
	// Description is the most characters of an embed's description.
	Description = 4096
	// Fields is the most fields in an embed.
	Fields = 25
	// FieldName is the most characters of a field's name (at least 1).
	FieldName = 256
	// FieldValue is the most characters of a field's value (at least 1).
	FieldValue = 1024
	// Footer is the most characters of an embed's footer.
	Footer = 2048
	// AuthorName is the most characters of an embed's author's name.
	AuthorName = 256
	// EmbedsTotal is the most characters across all the embeds of a
	// message: titles, descriptions, field names and values, footers and
	// author names.
	EmbedsTotal = 6000
	// ActionRows is the most action rows in a message.
	ActionRows = 5
	// RowComponents is the most components in an action row.
	RowComponents = 5
	// CustomID is the most characters of a component's custom_id (at
	// least 1; unique within a message).
	CustomID = 100
	// ButtonLabel is the most characters of a button's label.
	ButtonLabel = 80
	// SelectPlaceholder is the most characters of a select menu's placeholder.
	SelectPlaceholder = 150
	// SelectOptions is the most options of a select menu.
	SelectOptions = 25
	// SelectOption is the most characters of an option's label (at least
	// 1), value (at least 1) and description.
	SelectOption = 100
)

// A modal and its text inputs.
const (
	// ModalTitle is the most characters of a modal's title (at least 1).
	ModalTitle = 45
	// TextInputLabel is the most characters of a text input's label (at least 1).
	TextInputLabel = 45
	// TextInputValue is the most characters of a text input's value.
	TextInputValue = 4000
	// TextInputPlaceholder is the most characters of a text input's placeholder.
	TextInputPlaceholder = 100
)

// Autocomplete results and command definitions.
const (
	// Choices is the most choices of an autocomplete result or an option.
	Choices = 25
	// ChoiceName is the most characters of a choice's name (at least 1).
	ChoiceName = 100
	// ChoiceValue is the most characters of a choice's string value.
	ChoiceValue = 100
	// CommandName is the most characters of a command's or an option's
	// name (at least 1).
	CommandName = 32
	// CommandDescription is the most characters of a command's or an
	// option's description (at least 1).
	CommandDescription = 100
	// Options is the most options of a command or sub-command.
	Options = 25
	// CommandTotal is the most characters of a command's names,
	// descriptions, choice names and values, counted recursively.
	CommandTotal = 8000
)
