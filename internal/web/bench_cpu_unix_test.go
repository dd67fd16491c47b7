//go:build unix

package web

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used so far, every thread and the garbage collector included:
// on a machine shared with other jobs, it says what a request costs where wall-clock time says mostly how
// long it waited for a core.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
