// Command ferretdb runs FerretDB (the MongoDB wire protocol on PostgreSQL) for levee's embedded database.
//
// It listens on the given loopback address (port 0 picks a free port), prints one JSON line
// {"uri": "mongodb://…"} on stdout once it accepts connections, and exits when its stdin closes,
// so it never outlives the Node.js process that started it.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
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

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Logger:        logger,
		Handler:       "postgresql",
		PostgreSQLURL: *postgresURL,
	})
	if err != nil {
		logger.Error("cannot start FerretDB", "error", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// The parent holds our stdin open; EOF means it is gone, so we stop too.
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop()
	}()

	done := make(chan struct{})
	go func() {
		f.Run(ctx)
		close(done)
	}()

	if err := json.NewEncoder(os.Stdout).Encode(map[string]string{"uri": f.MongoDBURI()}); err != nil {
		logger.Error("cannot write the URI", "error", err)
		stop()
	}

	<-done
}
