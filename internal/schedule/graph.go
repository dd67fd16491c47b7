package schedule

// graph is the plan in index form: adjacency in compressed rows so both passes walk flat slices.
type graph struct {
	acts      []Activity
	index     map[string]int
	deps      []Dependency
	from, to  []int32
	succStart []int32 // edges leaving node i are succEdge[succStart[i]:succStart[i+1]]
	succEdge  []int32
	predStart []int32
	predEdge  []int32
}

// newGraph assumes a validated plan: every dependency end exists.
func newGraph(p Plan) *graph {
	n, m := len(p.Activities), len(p.Dependencies)
	g := &graph{acts: p.Activities, deps: p.Dependencies, index: make(map[string]int, n),
		from: make([]int32, m), to: make([]int32, m)}
	for i, a := range p.Activities {
		g.index[a.ID] = i
	}
	for e, d := range p.Dependencies {
		g.from[e], g.to[e] = int32(g.index[d.From]), int32(g.index[d.To])
	}
	g.succStart, g.succEdge = buildRows(n, g.from)
	g.predStart, g.predEdge = buildRows(n, g.to)
	return g
}

// buildRows groups edge numbers by the node key[e], keeping edge order within a node.
func buildRows(n int, key []int32) (start, edges []int32) {
	start = make([]int32, n+1)
	for _, k := range key {
		start[k+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	next := append([]int32(nil), start[:n]...)
	edges = make([]int32, len(key))
	for e, k := range key {
		edges[next[k]] = int32(e)
		next[k]++
	}
	return start, edges
}

func (g *graph) succ(i int32) []int32 { return g.succEdge[g.succStart[i]:g.succStart[i+1]] }
func (g *graph) pred(i int32) []int32 { return g.predEdge[g.predStart[i]:g.predStart[i+1]] }
