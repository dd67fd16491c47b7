package country

import "sort"

// Regions returns the world regions in French alphabetical order, for grouping and filters.
func Regions() []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range load().sorted {
		if !seen[c.Region] {
			seen[c.Region] = true
			out = append(out, c.Region)
		}
	}
	sort.Slice(out, func(i, j int) bool { return Less(out[i], out[j]) })
	return out
}

// InRegion returns the countries of one region in French alphabetical order.
func InRegion(region string) []Country {
	var out []Country
	for _, c := range load().sorted {
		if c.Region == region {
			out = append(out, c)
		}
	}
	return out
}
