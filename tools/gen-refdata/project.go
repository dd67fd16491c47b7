package main

import "math"

// naturalEarth projects longitude/latitude in degrees with the Natural Earth I projection
// (Šavrič, Jenny, Patterson, Petrovič, Hurni, 2011): a compromise pseudocylindrical projection that
// keeps Africa and Europe, where most French partnerships are, at a fair size. Y grows northwards.
func naturalEarth(lon, lat float64) point {
	l, p := lon*math.Pi/180, lat*math.Pi/180
	p2 := p * p
	p4 := p2 * p2
	x := l * (0.870700 - 0.131979*p2 + p4*(-0.013791+p4*p2*(0.003971-0.001529*p2)))
	y := p * (1.007226 + p2*(0.015085+p4*(-0.044475+0.028874*p2-0.005916*p4)))
	return point{x, y}
}
