package main

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ginIndexes adds the indexes that FerretDB's own filters can use.
//
// FerretDB sends a top-level equality filter to PostgreSQL as `_jsonb->'field' @> '<value>'`, but the indexes
// it creates are btree indexes on `(_jsonb->'field')`, which cannot answer `@>`: every find scans its table.
// A GIN index with jsonb_path_ops on the same expression can, also for one element of an array field.
// FerretDB keeps a collection's documents in table <db>.<table>, named in <db>._ferretdb_database_metadata.
type ginIndexes struct {
	pool *pgxpool.Pool
	log  *slog.Logger
	// Every client of this PostgreSQL goes through this process, so one mutex keeps two CREATE INDEX of the same
	// name from racing.
	mu sync.Mutex
}

func newGinIndexes(ctx context.Context, postgresURL string, log *slog.Logger) (*ginIndexes, error) {
	config, err := pgxpool.ParseConfig(postgresURL)
	if err != nil {
		return nil, err
	}
	config.MaxConns = 2
	pool, err := pgxpool.NewWithConfig(ctx, config)
	if err != nil {
		return nil, err
	}
	return &ginIndexes{pool: pool, log: log}, nil
}

func (g *ginIndexes) close() { g.pool.Close() }

// ensure creates the GIN indexes of the given top-level fields of a collection, unless they exist.
func (g *ginIndexes) ensure(ctx context.Context, db, collection string, fields []string) error {
	g.mu.Lock()
	defer g.mu.Unlock()

	var table string
	metadata := pgx.Identifier{db, "_ferretdb_database_metadata"}.Sanitize()
	err := g.pool.QueryRow(ctx, `SELECT _jsonb->>'table' FROM `+metadata+` WHERE _jsonb->>'_id' = $1`, collection).Scan(&table)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil // dropped again in the meantime
	}
	if err != nil {
		return err
	}

	rows, err := g.pool.Query(ctx, `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`, db, table)
	if err != nil {
		return err
	}
	existing, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}

	for _, field := range fields {
		name := ginIndexName(table, field)
		if slices.Contains(existing, name) {
			continue
		}
		// Identifiers are quoted by pgx; the field is a string literal, safe because FerretDB's connection check
		// requires standard_conforming_strings, so only the quote itself needs doubling.
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s USING gin ((_jsonb->'%s') jsonb_path_ops)`,
			pgx.Identifier{name}.Sanitize(), pgx.Identifier{db, table}.Sanitize(), strings.ReplaceAll(field, "'", "''"))
		if _, err := g.pool.Exec(ctx, q); err != nil {
			return fmt.Errorf("%s on %s.%s: %w", name, db, table, err)
		}
		g.log.Info("created GIN index", "db", db, "collection", collection, "field", field, "index", name)
	}
	return nil
}

var notIdentifier = regexp.MustCompile(`[^a-z0-9_]+`)

// ginIndexName derives an index name from table and field: readable parts, cut so the whole name stays within
// PostgreSQL's 63 bytes, and a hash of both in full, so that two fields whose cut parts match still differ.
func ginIndexName(table, field string) string {
	part := func(s string) string {
		s = notIdentifier.ReplaceAllString(strings.ToLower(s), "_")
		return s[:min(len(s), 24)]
	}
	h := fnv.New32a()
	_, _ = h.Write([]byte(table + "\x00" + field))
	return fmt.Sprintf("%s_%s_%08x_gin", part(table), part(field), h.Sum32())
}
