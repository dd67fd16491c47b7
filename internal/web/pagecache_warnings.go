package web

import (
	"context"
	"log/slog"
	"sync/atomic"
)

// warningCounter counts the warnings and errors the server logs. Handlers show a part they could not read
// as such and log a warning rather than fail the page; such a page must not be kept, and counting the
// warnings around a rendering tells it without touching every place that warns.
type warningCounter struct {
	slog.Handler
	n *atomic.Int64
}

// Enabled is true for warnings whatever the log level, so that they are counted even when not written.
func (h warningCounter) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn || h.Handler.Enabled(ctx, l)
}

func (h warningCounter) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelWarn {
		h.n.Add(1)
	}
	if !h.Handler.Enabled(ctx, r.Level) {
		return nil
	}
	return h.Handler.Handle(ctx, r)
}

func (h warningCounter) WithAttrs(attrs []slog.Attr) slog.Handler {
	return warningCounter{Handler: h.Handler.WithAttrs(attrs), n: h.n}
}

func (h warningCounter) WithGroup(name string) slog.Handler {
	return warningCounter{Handler: h.Handler.WithGroup(name), n: h.n}
}
