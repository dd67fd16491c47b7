package store

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"time"
)

// Contributions arrive in bursts (a consultation announced in the local paper, a class filling the form
// together), and each one used to be its own write transaction: on SQLite the writers queued on the
// database lock with a sleeping busy handler, and on PostgreSQL each paid its own commit. The writer
// below is a group commit: one goroutine takes every contribution waiting, writes them in one
// transaction and answers each caller only once that transaction is committed. A contribution
// acknowledged to its author is therefore on disk, and a crash mid-batch loses only contributions
// nobody was thanked for.

// maxContributionBatch bounds one transaction, so that a flood does not hold the write lock for long.
const maxContributionBatch = 256

// errStoreClosed answers a contribution sent after Close.
var errStoreClosed = errors.New("store: closed")

// contributionWrite is one contribution waiting for the writer, with where to send its outcome.
type contributionWrite struct {
	add  func(ctx context.Context, tx *sql.Tx) error
	done chan error
}

// contributionWriter owns the goroutine that writes contributions. Its queue is unbuffered: a send
// succeeds only while the writer runs, so no contribution can be left in a queue nobody reads.
type contributionWriter struct {
	start sync.Once
	stop  sync.Once
	queue chan *contributionWrite
	quit  chan struct{}
	ended chan struct{}
}

func newContributionWriter() *contributionWriter {
	return &contributionWriter{queue: make(chan *contributionWrite), quit: make(chan struct{}), ended: make(chan struct{})}
}

// writeContribution hands add to the writer and waits for the commit of the transaction it ran in.
// The caller waits even if its request is cancelled: the outcome is known within one batch.
func (s *Store) writeContribution(add func(ctx context.Context, tx *sql.Tx) error) error {
	w := s.contribs
	w.start.Do(func() { go s.runContributionWriter() })
	req := &contributionWrite{add: add, done: make(chan error, 1)}
	select {
	case w.queue <- req:
	case <-w.quit:
		return errStoreClosed
	}
	return <-req.done
}

func (s *Store) runContributionWriter() {
	w := s.contribs
	defer close(w.ended)
	for {
		var first *contributionWrite
		select {
		case first = <-w.queue:
		case <-w.quit:
			return
		}
		batch := []*contributionWrite{first}
	gather:
		for len(batch) < maxContributionBatch {
			select {
			case req := <-w.queue:
				batch = append(batch, req)
			default:
				break gather
			}
		}
		s.writeBatch(batch)
	}
}

// writeBatch writes a batch in one transaction. A refusal (a double submission, an unknown
// consultation) writes nothing and does not disturb the others; a row that fails otherwise rolls the
// whole batch back, and each contribution is then tried alone, so that one bad row never costs the
// others.
func (s *Store) writeBatch(batch []*contributionWrite) {
	// The writer's transactions outlive any one request: a citizen closing the tab must not roll back
	// the contributions of the others.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	outcomes := make([]error, len(batch))
	rowFailed := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i, req := range batch {
			outcomes[i] = req.add(ctx, tx)
			if outcomes[i] != nil && !errors.Is(outcomes[i], ErrDuplicate) && !errors.Is(outcomes[i], ErrNotFound) {
				rowFailed = true
				return outcomes[i]
			}
		}
		return nil
	})
	switch {
	case err == nil:
	case rowFailed && len(batch) > 1:
		for i, req := range batch {
			outcomes[i] = s.inTx(ctx, func(tx *sql.Tx) error { return req.add(ctx, tx) })
		}
	default:
		// The transaction itself failed (the database locked past the busy timeout, the commit): trying
		// each alone would wait as long again for each; every caller is told, and nothing was written.
		for i := range outcomes {
			outcomes[i] = err
		}
	}
	for i, req := range batch {
		req.done <- outcomes[i]
	}
}

// closeContributionWriter stops the writer after the batch it is writing, if it ever started.
func (s *Store) closeContributionWriter() {
	w := s.contribs
	if w == nil {
		return
	}
	w.stop.Do(func() { close(w.quit) })
	started := true
	w.start.Do(func() { started = false })
	if started {
		<-w.ended
	}
}
