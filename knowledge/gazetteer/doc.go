// Package gazetteer finds countries, first-level regions and cities by
// name, and countries by their demonyms. Its data are the TSV files beside
// this source, embedded in the binary.
package gazetteer
