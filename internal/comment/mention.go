package comment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"boussole/internal/textkey"
)

// Member is someone who can be mentioned: « @ » followed by their name or their email address.
type Member struct {
	UserID int64
	Name   string
	Email  string
}

// Segment is a piece of a comment's text, either plain or a mention, so pages can show mentions apart
// without ever treating the text as markup.
type Segment struct {
	Text    string
	Mention bool
}

// Parse cuts a comment into segments and returns the members it mentions, each once, in order of first
// mention. A mention starts with « @ » at the start of a word and is followed by a member's full name or
// email (case does not matter) and then a word boundary; the longest match wins, so « @Anne Marie »
// mentions Anne Marie rather than Anne. An « @ » inside a word (an address typed as such) is plain text.
func Parse(body string, members []Member) ([]Segment, []int64) {
	var segs []Segment
	var ids []int64
	seen := map[int64]bool{}
	plain := 0 // start of the current plain run
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRuneInString(body[i:])
		if r != '@' || !wordStart(body, i) {
			i += size
			continue
		}
		m, n := longestMatch(body[i+1:], members)
		if n == 0 {
			i += size
			continue
		}
		if plain < i {
			segs = append(segs, Segment{Text: body[plain:i]})
		}
		end := i + 1 + n
		segs = append(segs, Segment{Text: body[i:end], Mention: true})
		if !seen[m.UserID] {
			seen[m.UserID] = true
			ids = append(ids, m.UserID)
		}
		i, plain = end, end
	}
	if plain < len(body) {
		segs = append(segs, Segment{Text: body[plain:]})
	}
	return segs, ids
}

// wordStart reports whether the rune at byte i begins a word (start of text, or after a space or
// punctuation other than what an email address holds).
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '@' || r == '.' || r == '+'
}

// longestMatch returns the member whose name or email starts rest, with the length in bytes of the match.
func longestMatch(rest string, members []Member) (Member, int) {
	var best Member
	bestLen := 0
	for _, m := range members {
		for _, cand := range []string{m.Name, m.Email} {
			if cand = strings.TrimSpace(cand); cand == "" {
				continue
			}
			if n := prefixFold(rest, cand); n > bestLen && boundary(rest[n:]) {
				best, bestLen = m, n
			}
		}
	}
	return best, bestLen
}

// prefixFold returns the byte length of the prefix of s that equals want without regard to case or
// accents (« @helene » mentions Hélène), or 0.
func prefixFold(s, want string) int {
	i := 0
	for _, w := range want {
		if i >= len(s) {
			return 0
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !sameLetter(r, w) {
			return 0
		}
		i += size
	}
	return i
}

// boundary reports whether a mention may end before rest: at the end, or before a character that cannot
// continue a name or an address (a full stop counts as the end of a sentence when no word follows it).
func boundary(rest string) bool {
	if rest == "" {
		return true
	}
	r, size := utf8.DecodeRuneInString(rest)
	if r == '.' {
		next, _ := utf8.DecodeRuneInString(rest[size:])
		return size == len(rest) || !(unicode.IsLetter(next) || unicode.IsDigit(next))
	}
	return !isWordRune(r)
}

// sameLetter compares two characters without regard to case or accents; punctuation must be the same.
func sameLetter(a, b rune) bool {
	if a == b || unicode.ToLower(a) == unicode.ToLower(b) {
		return true
	}
	fa := textkey.Fold(string(a))
	return fa != "" && fa == textkey.Fold(string(b))
}
