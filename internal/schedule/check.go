package schedule

// CheckDependency tells a form whether dependency d can be added to the plan: a fielderr.List when an end is
// unknown or d points at itself, a *CycleError naming the loop (starting with d.From) when the existing
// dependencies already lead from d.To back to d.From, nil otherwise. It only searches the graph, without
// scheduling anything.
func (p Plan) CheckDependency(d Dependency) error {
	index := make(map[string]int, len(p.Activities))
	for i, a := range p.Activities {
		index[a.ID] = i
	}
	if probs := p.dependencyProblems(index, d); len(probs) > 0 {
		return probs
	}
	valid := make([]Dependency, 0, len(p.Dependencies))
	for _, e := range p.Dependencies {
		_, fromOK := index[e.From]
		_, toOK := index[e.To]
		if fromOK && toOK && e.From != e.To {
			valid = append(valid, e)
		}
	}
	g := newGraph(Plan{Activities: p.Activities, Dependencies: valid})
	path := g.path(int32(index[d.To]), int32(index[d.From]))
	if path == nil {
		return nil
	}
	return g.cycleError(append([]int32{int32(index[d.From])}, path[:len(path)-1]...), true)
}

// path returns the nodes of a shortest chain of dependencies from src to dst (both included), or nil.
func (g *graph) path(src, dst int32) []int32 {
	parent := make([]int32, len(g.acts))
	for i := range parent {
		parent[i] = -1
	}
	parent[src] = src
	queue := []int32{src}
	for head := 0; head < len(queue); head++ {
		u := queue[head]
		if u == dst {
			var rev []int32
			for v := dst; v != src; v = parent[v] {
				rev = append(rev, v)
			}
			rev = append(rev, src)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			return rev
		}
		for _, e := range g.succ(u) {
			if v := g.to[e]; parent[v] < 0 {
				parent[v] = u
				queue = append(queue, v)
			}
		}
	}
	return nil
}
