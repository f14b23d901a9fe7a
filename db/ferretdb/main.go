// Command ferretdb runs FerretDB (the MongoDB wire protocol on PostgreSQL) for levee's embedded database.
//
// FerretDB itself listens on an internal loopback port. Clients connect to the -listen address, where a small
// proxy (proxy.go) forwards every message to FerretDB and adds what levee relies on and FerretDB lacks:
// single-document atomicity of updates (locks.go) and GIN indexes that FerretDB's equality filters can use
// (gin.go).
//
// The command prints one JSON line {"uri": "mongodb://…"} on stdout once it accepts connections, and exits
// when its stdin closes, so it never outlives the Node.js process that started it. Its log goes to stderr.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on")
	postgresURL := flag.String("postgresql-url", "", "PostgreSQL connection string")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	flag.Parse()

	if *postgresURL == "" {
		slog.Error("missing -postgresql-url")
		os.Exit(2)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		slog.Error("bad -log-level", "error", err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	if err := run(*listen, *postgresURL, logger); err != nil {
		logger.Error("the embedded database stopped", "error", err)
		os.Exit(1)
	}
}

func run(listen, postgresURL string, logger *slog.Logger) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// The parent holds our stdin open; EOF means it is gone, so we stop too.
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop()
	}()

	ferretURL, err := withCustomPlans(postgresURL)
	if err != nil {
		return err
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Logger:        logger,
		Handler:       "postgresql",
		PostgreSQLURL: ferretURL,
	})
	if err != nil {
		return err
	}

	indexes, err := newGinIndexes(ctx, postgresURL, logger)
	if err != nil {
		return err
	}
	defer indexes.close()

	clients, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}

	done := make(chan struct{})
	go func() {
		_ = f.Run(ctx)
		close(done)
	}()

	internal, err := url.Parse(f.MongoDBURI())
	if err != nil {
		return err
	}

	p := &proxy{upstream: internal.Host, locks: newWriteLocks(), indexes: indexes, log: logger}
	go p.serve(ctx, clients)

	ready := map[string]string{"uri": "mongodb://" + clients.Addr().String() + "/"}
	if err := json.NewEncoder(os.Stdout).Encode(ready); err != nil {
		return err
	}

	<-done
	return nil
}

// withCustomPlans makes FerretDB's PostgreSQL sessions plan every statement with its actual parameters.
// FerretDB's driver (pgx) prepares statements, and after five runs PostgreSQL may switch a session to a cached
// generic plan. In `_jsonb->$1 @> $2` a generic plan does not know the field, so it cannot use the GIN index on
// that field and scans the table. The setting travels as a startup parameter of each connection (pgx passes
// unknown URL parameters on), so it holds for every connection FerretDB opens, also after a PostgreSQL restart.
func withCustomPlans(postgresURL string) (string, error) {
	u, err := url.Parse(postgresURL)
	if err != nil {
		return "", err
	}
	query := u.Query()
	if !query.Has("plan_cache_mode") {
		query.Set("plan_cache_mode", "force_custom_plan")
	}
	u.RawQuery = query.Encode()
	return u.String(), nil
}
