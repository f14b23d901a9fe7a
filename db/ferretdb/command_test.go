package main

import (
	"encoding/binary"
	"testing"

	"github.com/FerretDB/wire"
	"github.com/FerretDB/wire/wirebson"
)

// opMsg builds an OP_MSG body: the command document, then the statements as a document sequence when given.
func opMsg(t *testing.T, flags uint32, cmd *wirebson.Document, identifier string, docs ...*wirebson.Document) []byte {
	t.Helper()
	raw, err := cmd.Encode()
	if err != nil {
		t.Fatal(err)
	}
	body := binary.LittleEndian.AppendUint32(nil, flags)
	body = append(append(body, 0), raw...)
	if identifier != "" {
		var seq []byte
		for _, d := range docs {
			r, err := d.Encode()
			if err != nil {
				t.Fatal(err)
			}
			seq = append(seq, r...)
		}
		size := 4 + len(identifier) + 1 + len(seq)
		body = binary.LittleEndian.AppendUint32(append(body, 1), uint32(size))
		body = append(append(append(body, identifier...), 0), seq...)
	}
	return body
}

func statement(filter *wirebson.Document) *wirebson.Document {
	return wirebson.MustDocument("q", filter, "u", wirebson.MustDocument("$set", wirebson.MustDocument("a", int32(1))))
}

func TestInspectRequest(t *testing.T) {
	byID := wirebson.MustDocument("_id", "job1")
	byStatus := wirebson.MustDocument("status", "a")
	msg := int32(wire.OpCodeMsg)

	for name, tc := range map[string]struct {
		body       []byte
		lock       string
		exactID    bool
		statements int
		collection string
		fields     []string
		opCode     int32
	}{
		"update by _id in the command document": {
			body: opMsg(t, 0, wirebson.MustDocument("update", "c", "updates", wirebson.MustArray(statement(byID)), "$db", "d"), ""),
			lock: "d.c", exactID: true, statements: 1,
		},
		"update by _id in a document sequence": {
			body: opMsg(t, 0, wirebson.MustDocument("update", "c", "$db", "d"), "updates", statement(byID)),
			lock: "d.c", exactID: true, statements: 1,
		},
		"update by another filter": {
			body: opMsg(t, 0, wirebson.MustDocument("update", "c", "$db", "d"), "updates", statement(byStatus)),
			lock: "d.c", statements: 1,
		},
		"two updates by _id lock the collection": {
			body: opMsg(t, 0, wirebson.MustDocument("update", "c", "$db", "d"), "updates", statement(byID), statement(byID)),
			lock: "d.c", statements: 2,
		},
		"a numeric _id locks the collection": {
			body: opMsg(t, 0, wirebson.MustDocument("delete", "c", "$db", "d"), "deletes", wirebson.MustDocument("q", wirebson.MustDocument("_id", int32(1)), "limit", int32(1))),
			lock: "d.c", statements: 1,
		},
		"an operator on _id locks the collection": {
			body: opMsg(t, 0, wirebson.MustDocument("findAndModify", "c", "query", wirebson.MustDocument("_id", wirebson.MustDocument("$in", wirebson.MustArray("a"))), "$db", "d"), ""),
			lock: "d.c", statements: 1,
		},
		"findAndModify by _id": {
			body: opMsg(t, 0, wirebson.MustDocument("findAndModify", "c", "query", byID, "$db", "d"), ""),
			lock: "d.c", exactID: true, statements: 1,
		},
		"an unacknowledged update takes no lock": {
			body: opMsg(t, moreToCome, wirebson.MustDocument("update", "c", "$db", "d"), "updates", statement(byID)),
		},
		"inserts and reads take no lock": {
			body: opMsg(t, 0, wirebson.MustDocument("find", "c", "filter", byID, "$db", "d"), ""),
		},
		"createIndexes names its top-level fields": {
			body: opMsg(t, 0, wirebson.MustDocument("createIndexes", "c", "indexes", wirebson.MustArray(
				wirebson.MustDocument("key", wirebson.MustDocument("townCode", int32(1), "status", int32(1)), "name", "a"),
				wirebson.MustDocument("key", wirebson.MustDocument("members.hash", int32(1), "status", int32(-1)), "name", "b"),
			), "$db", "d"), ""),
			collection: "c", fields: []string{"_id", "townCode", "status"},
		},
		"other opcodes are only forwarded": {
			body: []byte{1, 2, 3, 4}, opCode: int32(wire.OpCodeCompressed),
		},
	} {
		t.Run(name, func(t *testing.T) {
			opCode := msg
			if tc.opCode != 0 {
				opCode = tc.opCode
			}
			got := inspectRequest(opCode, tc.body)
			if got.lock != tc.lock || (got.id != "") != tc.exactID || got.statements != tc.statements || got.collection != tc.collection {
				t.Fatalf("got lock %q, id %q, %d statements, collection %q", got.lock, got.id, got.statements, got.collection)
			}
			if len(got.fields) != len(tc.fields) {
				t.Fatalf("got fields %q, want %q", got.fields, tc.fields)
			}
			for i := range tc.fields {
				if got.fields[i] != tc.fields[i] {
					t.Fatalf("got fields %q, want %q", got.fields, tc.fields)
				}
			}
		})
	}
}

func TestExactIDSameDocumentSameKey(t *testing.T) {
	inCommand := inspectRequest(int32(wire.OpCodeMsg), opMsg(t, 0, wirebson.MustDocument("findAndModify", "c", "query", wirebson.MustDocument("_id", "x"), "$db", "d"), ""))
	inSequence := inspectRequest(int32(wire.OpCodeMsg), opMsg(t, 0, wirebson.MustDocument("update", "c", "$db", "d"), "updates", statement(wirebson.MustDocument("_id", "x"))))
	other := inspectRequest(int32(wire.OpCodeMsg), opMsg(t, 0, wirebson.MustDocument("update", "c", "$db", "d"), "updates", statement(wirebson.MustDocument("_id", "y"))))
	if inCommand.id != inSequence.id || inCommand.id == other.id {
		t.Fatalf("keys: %q %q %q", inCommand.id, inSequence.id, other.id)
	}
}

func TestGinIndexName(t *testing.T) {
	long := "a_very_long_collection_name_that_goes_on_and_on_1234abcd"
	for _, name := range []string{ginIndexName("reports_1234abcd", "villageCode"), ginIndexName(long, long+"Field")} {
		if len(name) > 63 {
			t.Fatalf("%q is longer than PostgreSQL's 63 bytes", name)
		}
	}
	if ginIndexName("t", "a-b") == ginIndexName("t", "a_b") {
		t.Fatal("fields that read alike must still get different names")
	}
}
