package settings

import (
	"net/url"
	"regexp"
)

// userInfo matches the user information of a URL's authority, for text
// that does not parse as a URL.
var userInfo = regexp.MustCompile(`(://)[^/?#@\s]*@`)

// RedactURL returns raw with the password of its user information
// replaced by "xxxxx", as url.URL.Redacted does, for the log and errors:
// "https://reader:xxxxx@news.example/rss". Text that does not parse as a
// URL has its whole user information replaced.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return userInfo.ReplaceAllString(raw, "${1}"+Redacted+"@")
	}
	return u.Redacted()
}

// URLPassword returns the password in raw's user information, or "".
func URLPassword(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return ""
	}
	p, _ := u.User.Password()
	return p
}
