// Package text holds the small pieces of text handling that reading,
// extraction, the index and question answering share: folding for
// comparison, tokens with their byte offsets, sentences, rough stems, name
// keys, and word sets.
package text
