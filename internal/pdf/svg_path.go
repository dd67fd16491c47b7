package pdf

import (
	"strconv"
	"strings"
)

// pathTokens splits path data into commands and numbers.
func pathTokens(d string) []string {
	var out []string
	i := 0
	for i < len(d) {
		ch := d[i]
		switch {
		case strings.IndexByte("MmLlHhVvCcZz", ch) >= 0:
			out = append(out, string(ch))
			i++
		case ch == '-' || ch == '+' || ch == '.' || (ch >= '0' && ch <= '9'):
			j := i + 1
			dot := ch == '.'
			for j < len(d) {
				c := d[j]
				if c >= '0' && c <= '9' {
					j++
				} else if c == '.' && !dot {
					dot = true
					j++
				} else if (c == 'e' || c == 'E') && j+1 < len(d) {
					j++
					if d[j] == '-' || d[j] == '+' {
						j++
					}
				} else {
					break
				}
			}
			out = append(out, d[i:j])
			i = j
		default: // separators, and commands the figures do not write (their numbers are then skipped)
			if (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') {
				out = append(out, "?")
			}
			i++
		}
	}
	return out
}

// path draws path data: M, L, H, V, C and Z, absolute or relative, with implicit repetitions.
func (c *svgCanvas) path(d, op string) {
	toks := pathTokens(d)
	var x, y, sx, sy float64
	cmd := ""
	drawn := false
	nums := func(i, n int) ([]float64, bool) {
		if i+n > len(toks) {
			return nil, false
		}
		out := make([]float64, n)
		for k := range n {
			v, err := strconv.ParseFloat(toks[i+k], 64)
			if err != nil {
				return nil, false
			}
			out[k] = v
		}
		return out, true
	}
	for i := 0; i < len(toks); {
		if t := toks[i]; len(t) == 1 && strings.Contains("MmLlHhVvCcZz?", t) {
			cmd = t
			i++
			if cmd == "Z" || cmd == "z" {
				c.r.f.ClosePath()
				x, y = sx, sy
				continue
			}
			if cmd == "?" {
				continue
			}
		}
		rel := cmd != "" && cmd[0] >= 'a'
		ox, oy := 0.0, 0.0
		if rel {
			ox, oy = x, y
		}
		switch strings.ToUpper(cmd) {
		case "M":
			v, ok := nums(i, 2)
			if !ok {
				return
			}
			x, y = ox+v[0], oy+v[1]
			sx, sy = x, y
			c.r.f.MoveTo(c.px(x), c.py(y))
			i += 2
			cmd = map[bool]string{true: "l", false: "L"}[rel] // further pairs are lines
		case "L":
			v, ok := nums(i, 2)
			if !ok {
				return
			}
			x, y = ox+v[0], oy+v[1]
			c.r.f.LineTo(c.px(x), c.py(y))
			drawn = true
			i += 2
		case "H":
			v, ok := nums(i, 1)
			if !ok {
				return
			}
			x = ox + v[0]
			c.r.f.LineTo(c.px(x), c.py(y))
			drawn = true
			i++
		case "V":
			v, ok := nums(i, 1)
			if !ok {
				return
			}
			y = oy + v[0]
			c.r.f.LineTo(c.px(x), c.py(y))
			drawn = true
			i++
		case "C":
			v, ok := nums(i, 6)
			if !ok {
				return
			}
			c.r.f.CurveBezierCubicTo(c.px(ox+v[0]), c.py(oy+v[1]), c.px(ox+v[2]), c.py(oy+v[3]), c.px(ox+v[4]), c.py(oy+v[5]))
			x, y = ox+v[4], oy+v[5]
			drawn = true
			i += 6
		default: // numbers of an unsupported command, or before any command
			i++
		}
	}
	if drawn {
		c.r.f.DrawPath(op)
	}
}
