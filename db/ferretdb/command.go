package main

import (
	"encoding/binary"
	"slices"
	"strings"
	"time"

	"github.com/FerretDB/wire"
	"github.com/FerretDB/wire/wirebson"
)

// command is what the proxy needs to know about one client request.
type command struct {
	// lock is "$db.collection" for a command that changes documents (update, delete, findAndModify).
	lock string
	// id identifies the one document the command changes, when its only filter is exactly {_id: X}.
	id string
	// statements is the number of update or delete statements.
	statements int
	// db, collection and fields name the collection and the top-level fields that get GIN indexes once FerretDB
	// has created the collection or its indexes (create, createIndexes).
	db, collection string
	fields         []string
}

// The bit of OP_MSG's flags that says no reply will follow.
const moreToCome = 1 << 1

// inspectRequest reads what it needs from a client message. Anything it does not understand, including
// OP_COMPRESSED and the legacy opcodes, is forwarded untouched: a zero command.
func inspectRequest(opCode int32, body []byte) command {
	// An unacknowledged write gets no reply, so there would be no moment to release a lock.
	if wire.OpCode(opCode) != wire.OpCodeMsg || len(body) < 4 || binary.LittleEndian.Uint32(body)&moreToCome != 0 {
		return command{}
	}
	var msg wire.OpMsg
	if err := msg.UnmarshalBinaryNocopy(body); err != nil {
		return command{}
	}
	doc, err := msg.RawSection0().Decode()
	if err != nil {
		return command{}
	}
	name := doc.Command()
	collection, _ := doc.Get(name).(string)
	db, _ := doc.Get("$db").(string)
	if collection == "" || db == "" {
		return command{}
	}

	switch name {
	case "update", "delete":
		// A driver sends the statements either in the command document or as a document sequence (kind 1).
		field := name + "s"
		statements := sequence(&msg, field)
		if arr, ok := doc.Get(field).(wirebson.RawArray); ok {
			statements = append(statements, arrayDocuments(arr)...)
		}
		c := command{lock: db + "." + collection, statements: len(statements)}
		if len(statements) == 1 {
			if stmt, err := statements[0].Decode(); err == nil {
				c.id = exactID(stmt.Get("q"))
			}
		}
		return c

	case "findAndModify", "findandmodify":
		return command{lock: db + "." + collection, id: exactID(doc.Get("query")), statements: 1}

	case "create":
		return command{db: db, collection: collection, fields: []string{"_id"}}

	case "createIndexes":
		arr, _ := doc.Get("indexes").(wirebson.RawArray)
		return command{db: db, collection: collection, fields: indexedFields(arr)}
	}
	return command{}
}

// exactID returns the raw BSON of a filter that is exactly {_id: X}, or "" for any other filter.
// The raw bytes of such a filter are the bytes of X in a fixed frame, so equal bytes mean the same document.
// Only types whose every value has one encoding qualify: 1, 1.0 and NumberLong(1) are the same _id but not the
// same bytes, so a numeric _id takes the whole collection's lock instead.
func exactID(filter any) string {
	raw, ok := filter.(wirebson.RawDocument)
	if !ok {
		return ""
	}
	doc, err := raw.Decode()
	if err != nil || doc.Len() != 1 || doc.Command() != "_id" {
		return ""
	}
	switch doc.Get("_id").(type) {
	case string, wirebson.ObjectID, wirebson.Binary, time.Time, bool:
		return string(raw)
	}
	return ""
}

// indexedFields lists the top-level fields of the keys of createIndexes' index specifications, and _id.
// Dotted paths are left out: FerretDB does not push their filters down to PostgreSQL.
func indexedFields(indexes wirebson.RawArray) []string {
	fields := []string{"_id"}
	for _, spec := range arrayDocuments(indexes) {
		doc, err := spec.Decode()
		if err != nil {
			continue
		}
		key, ok := doc.Get("key").(wirebson.RawDocument)
		if !ok {
			continue
		}
		keyDoc, err := key.Decode()
		if err != nil {
			continue
		}
		for _, field := range keyDoc.FieldNames() {
			if !strings.Contains(field, ".") && !strings.HasPrefix(field, "$") && !slices.Contains(fields, field) {
				fields = append(fields, field)
			}
		}
	}
	return fields
}

// sequence returns the documents of the message's kind-1 sections named identifier.
func sequence(msg *wire.OpMsg, identifier string) []wirebson.RawDocument {
	var docs []wirebson.RawDocument
	for _, s := range msg.Sections() {
		if s.Kind == 1 && s.Identifier == identifier {
			docs = append(docs, s.Documents()...)
		}
	}
	return docs
}

// arrayDocuments returns the elements of a BSON array that are documents.
func arrayDocuments(raw wirebson.RawArray) []wirebson.RawDocument {
	if len(raw) == 0 {
		return nil
	}
	arr, err := raw.Decode()
	if err != nil {
		return nil
	}
	docs := make([]wirebson.RawDocument, 0, arr.Len())
	for i := range arr.Len() {
		if doc, ok := arr.Get(i).(wirebson.RawDocument); ok {
			docs = append(docs, doc)
		}
	}
	return docs
}

// succeeded tells whether a reply to an OP_MSG command says ok: 1.
func succeeded(opCode int32, body []byte) bool {
	if wire.OpCode(opCode) != wire.OpCodeMsg {
		return false
	}
	var msg wire.OpMsg
	if err := msg.UnmarshalBinaryNocopy(body); err != nil {
		return false
	}
	doc, err := msg.RawSection0().Decode()
	if err != nil {
		return false
	}
	switch ok := doc.Get("ok").(type) {
	case float64:
		return ok == 1
	case int32:
		return ok == 1
	case int64:
		return ok == 1
	}
	return false
}
