package htmlcheck

import (
	"fmt"
	"strings"
)

// Problem is one defect found in a page, at a 1-based line of the source.
type Problem struct {
	Line    int
	Message string
}

// String formats the problem as « ligne N : message ».
func (p Problem) String() string {
	return fmt.Sprintf("ligne %d : %s", p.Line, p.Message)
}

// Report formats problems one per line, for a test failure message.
func Report(problems []Problem) string {
	var b strings.Builder
	for _, p := range problems {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}
