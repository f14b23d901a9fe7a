package main

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"

	"github.com/FerretDB/wire"
)

// proxy forwards MongoDB wire messages between clients and FerretDB, one FerretDB connection per client
// connection. It holds a write lock around each update (see writeLocks) and adds GIN indexes after FerretDB has
// created a collection or its indexes (see ginIndexes). Every message is forwarded byte for byte.
type proxy struct {
	upstream string // FerretDB's internal address
	locks    *writeLocks
	indexes  *ginIndexes
	log      *slog.Logger
}

// message is one whole wire message: the 16-byte header, then the body.
type message []byte

func (m message) requestID() int32  { return int32(binary.LittleEndian.Uint32(m[4:])) }
func (m message) responseTo() int32 { return int32(binary.LittleEndian.Uint32(m[8:])) }
func (m message) opCode() int32     { return int32(binary.LittleEndian.Uint32(m[12:])) }
func (m message) body() []byte      { return m[wire.MsgHeaderLen:] }

func readMessage(r *bufio.Reader) (message, error) {
	var size [4]byte
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return nil, err
	}
	n := binary.LittleEndian.Uint32(size[:])
	if n < wire.MsgHeaderLen || n > wire.MaxMsgLen {
		return nil, fmt.Errorf("invalid message length %d", n)
	}
	m := make(message, n)
	copy(m, size[:])
	if _, err := io.ReadFull(r, m[4:]); err != nil {
		return nil, err
	}
	return m, nil
}

// serve accepts clients until ctx ends.
func (p *proxy) serve(ctx context.Context, clients net.Listener) {
	go func() {
		<-ctx.Done()
		_ = clients.Close()
	}()
	for {
		conn, err := clients.Accept()
		if errors.Is(err, net.ErrClosed) {
			return
		}
		if err != nil {
			// Out of file descriptors, for instance: wait a little instead of spinning.
			p.log.Warn("cannot accept a client connection", "error", err)
			time.Sleep(100 * time.Millisecond)
			continue
		}
		go p.handle(ctx, conn)
	}
}

// session is the state of one client connection: the requests whose replies are still awaited.
type session struct {
	mu      sync.Mutex
	pending map[int32]awaited
}

type awaited struct {
	cmd     command
	release func() // nil when the request took no lock
}

func (s *session) expect(requestID int32, a awaited) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending[requestID] = a
}

func (s *session) take(responseTo int32) (awaited, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.pending[responseTo]
	delete(s.pending, responseTo)
	return a, ok
}

// releaseAll lets go of the locks of requests that will get no reply because a connection broke.
func (s *session) releaseAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, a := range s.pending {
		if a.release != nil {
			a.release()
		}
		delete(s.pending, id)
	}
}

func (p *proxy) handle(ctx context.Context, client net.Conn) {
	defer client.Close()
	var dialer net.Dialer
	server, err := dialer.DialContext(ctx, "tcp", p.upstream)
	if err != nil {
		p.log.Error("cannot reach FerretDB", "error", err)
		return
	}
	defer server.Close()

	s := &session{pending: map[int32]awaited{}}
	defer s.releaseAll()

	replies := make(chan struct{})
	go func() {
		defer close(replies)
		p.forwardReplies(ctx, server, client, s)
		// FerretDB closed the connection: make the request loop stop too.
		_ = client.Close()
	}()

	p.forwardRequests(client, server, s)

	// The client is gone. FerretDB finishes the request it is running and answers it before it reads the end of
	// our stream, so a lock is released only once its update has really ended.
	if tcp, ok := server.(*net.TCPConn); ok {
		_ = tcp.CloseWrite()
	} else {
		_ = server.Close()
	}
	<-replies
}

func (p *proxy) forwardRequests(client, server net.Conn, s *session) {
	r := bufio.NewReader(client)
	for {
		m, err := readMessage(r)
		if err != nil {
			return
		}
		cmd := inspectRequest(m.opCode(), m.body())
		var release func()
		if cmd.lock != "" {
			release = p.locks.acquire(cmd.lock, cmd.id, cmd.statements)
		}
		if release != nil || cmd.collection != "" {
			s.expect(m.requestID(), awaited{cmd: cmd, release: release})
		}
		if _, err := server.Write(m); err != nil {
			return
		}
	}
}

func (p *proxy) forwardReplies(ctx context.Context, server, client net.Conn, s *session) {
	r := bufio.NewReader(server)
	clientGone := false
	for {
		m, err := readMessage(r)
		if err != nil {
			return
		}
		a, _ := s.take(m.responseTo())
		if a.cmd.collection != "" && succeeded(m.opCode(), m.body()) {
			// Before the reply goes out, so a client that created an index can rely on it.
			if err := p.indexes.ensure(ctx, a.cmd.db, a.cmd.collection, a.cmd.fields); err != nil {
				p.log.Error("cannot create GIN indexes", "db", a.cmd.db, "collection", a.cmd.collection, "error", err)
			}
		}
		if !clientGone {
			if _, err := client.Write(m); err != nil {
				// Keep reading until FerretDB closes, so that the locks are released only after its answers.
				clientGone = true
				_ = client.Close()
			}
		}
		if a.release != nil {
			a.release()
		}
	}
}
