// Package knowledge is the domain of coopbot: it reads news articles about
// universities' international cooperation, extracts who cooperates with whom
// (institutions, people, visits, agreements, partnerships), keeps them in a
// persistent bleve index that mirrors the articles folder, and answers
// questions about them.
//
// The package imports nothing else of coopbot's, never logs, and returns
// errors to its callers.
package knowledge
