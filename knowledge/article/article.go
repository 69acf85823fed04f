package article

// Article is one news article, read from one file of the articles folder.
type Article struct {
	// File is the article's file name, without its folder: its identity.
	File string
	// Hash is the hex SHA-256 of the file's bytes: it says whether the article changed.
	Hash string
	// Title is the headline, or a short title made from the first sentence.
	Title string
	// Published is the date line's date, or the date inferred from the body
	// at the precision it gives; zero when unknown.
	Published Date
	// Paragraphs is the prose, without boilerplate or captions.
	Paragraphs []string
	// Captions are the photo-caption lines, kept apart from the prose.
	Captions []string
	// Summary is the first two sentences of the prose.
	Summary string
	// Credits are the author and photo credit lines, taken out of the prose.
	Credits []Credit
}

// Credit is a by-line: "Author: Jane Roe" gives Role "Author", Name "Jane Roe".
type Credit struct {
	Role string
	Name string
}
