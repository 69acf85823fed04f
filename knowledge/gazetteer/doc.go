// Package gazetteer finds countries, first-level regions, cities and
// institutions by name, and countries by their demonyms. Its data are the
// TSV files beside this source, embedded in the binary; build/ generates
// them from public data sets and supplement.tsv (see README.md).
package gazetteer
