package schedule

// cycle finds one cycle among the nodes Kahn's algorithm could not order: each of them still has an unordered
// predecessor, so walking predecessors must come back to a node already seen.
func (g *graph) cycle(ordered []int32) *CycleError {
	done := make([]bool, len(g.acts))
	for _, u := range ordered {
		done[u] = true
	}
	cur := int32(-1)
	for i := range done {
		if !done[i] {
			cur = int32(i)
			break
		}
	}
	pos := map[int32]int{}
	var walk []int32 // walk[k+1] is a predecessor of walk[k]
	for {
		if j, seen := pos[cur]; seen {
			// walk[j] precedes walk[len-1], which precedes walk[len-2] … down to walk[j].
			members := []int32{walk[j]}
			for k := len(walk) - 1; k > j; k-- {
				members = append(members, walk[k])
			}
			return g.cycleError(members, false)
		}
		pos[cur] = len(walk)
		walk = append(walk, cur)
		for _, e := range g.pred(cur) {
			if u := g.from[e]; !done[u] {
				cur = u
				break
			}
		}
	}
}

// cycleError rotates the members to start with the one listed first in the plan, so the message is stable,
// and closes the loop by repeating it.
func (g *graph) cycleError(members []int32, proposed bool) *CycleError {
	first := 0
	for k, m := range members {
		if m < members[first] {
			first = k
		}
	}
	if proposed {
		first = 0
	}
	err := &CycleError{proposed: proposed}
	for k := 0; k <= len(members); k++ {
		a := g.acts[members[(first+k)%len(members)]]
		err.IDs = append(err.IDs, a.ID)
		err.Names = append(err.Names, a.label())
	}
	return err
}
