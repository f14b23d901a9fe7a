package main

import (
	"context"
	"sync"

	"golang.org/x/sync/semaphore"
)

// maxStatementsInFlight caps the update and delete statements that FerretDB runs at once.
// FerretDB keeps one PostgreSQL connection per statement of an update or delete command until the command ends,
// and needs one more to write. Statements of concurrent commands could so take its whole pool (pool_max_conns,
// 80 in db/embedded.ts) and wait for each other forever (probed: five concurrent bulks of 25 updates). With at most 32
// statements in flight they hold at most 64 connections, and reads still find free ones. A command with more
// statements than that runs alone: up to about 75 statements it still fits in the pool.
const maxStatementsInFlight = 32

// writeLocks makes FerretDB's updates atomic per document. FerretDB runs an update as read, change in Go, write
// back, with nothing in between to stop a second update of the same document from reading the old version.
// A command that changes documents holds its collection's lock until FerretDB has answered it:
//   - exclusively in general, because its filter may match any document of the collection;
//   - shared, plus an exclusive lock on the id, when it changes one document chosen by its _id alone,
//     so that updates of different documents still run side by side.
type writeLocks struct {
	mu          sync.Mutex
	collections map[string]*collectionLock
	inFlight    *semaphore.Weighted
}

type collectionLock struct {
	rw   sync.RWMutex
	ids  map[string]*idLock
	refs int // holders and waiters; the entry is dropped at zero so the map does not grow forever
}

type idLock struct {
	mu   sync.Mutex
	refs int
}

func newWriteLocks() *writeLocks {
	return &writeLocks{collections: map[string]*collectionLock{}, inFlight: semaphore.NewWeighted(maxStatementsInFlight)}
}

// acquire blocks until a command of that many statements may run, and returns the function that lets the next
// one in. id is empty when the command may touch any document of the collection.
// Locks are always taken in the order collection, id, in-flight statements, so waiting cannot go round in a circle.
func (l *writeLocks) acquire(collection, id string, statements int) func() {
	l.mu.Lock()
	c := l.collections[collection]
	if c == nil {
		c = &collectionLock{ids: map[string]*idLock{}}
		l.collections[collection] = c
	}
	c.refs++
	var d *idLock
	if id != "" {
		if d = c.ids[id]; d == nil {
			d = &idLock{}
			c.ids[id] = d
		}
		d.refs++
	}
	l.mu.Unlock()

	if d != nil {
		c.rw.RLock()
		d.mu.Lock()
	} else {
		c.rw.Lock()
	}
	weight := int64(min(max(statements, 1), maxStatementsInFlight))
	_ = l.inFlight.Acquire(context.Background(), weight) // fails only when its context ends

	return func() {
		l.inFlight.Release(weight)
		if d != nil {
			d.mu.Unlock()
			c.rw.RUnlock()
		} else {
			c.rw.Unlock()
		}

		l.mu.Lock()
		defer l.mu.Unlock()
		if d != nil {
			if d.refs--; d.refs == 0 {
				delete(c.ids, id)
			}
		}
		if c.refs--; c.refs == 0 {
			delete(l.collections, collection)
		}
	}
}
