package stakeholdermap

// Alt is the text alternative of a figure: summary sentences and the full content as a table.
type Alt struct {
	Caption string
	Summary []string // French sentences, one idea each
	Header  []string
	Rows    [][]string
}
