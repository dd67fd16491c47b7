// Command boussole runs the Boussole web platform.
package main

func main() {}
