// Package article reads one news article from the bytes of its file: the
// headline, the date line or a date inferred from the body, the paragraphs
// without site boilerplate, the photo captions and the credits. It also
// finds the dates written in a sentence, for extraction to use.
package article
