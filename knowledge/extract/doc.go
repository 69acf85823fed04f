// Package extract finds, in one article, the institutions it names, the
// people with their titles, the delegations' visits, the agreements and
// the partnerships: the facts that the rest of coopbot answers from. It
// knows no article by name; the places it recognises come from the
// gazetteer.
package extract
