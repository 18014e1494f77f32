// QuorumStore/Schema: The versioned schema: migrations in order, the version recorded in the file's header.

import GRDB

/// The versioned layout of a store file.
///
/// A Quorum store is marked by `PRAGMA application_id` and versioned by `PRAGMA user_version`;
/// both live in the SQLite header, so any tool can tell what the file is without reading tables.
public enum StoreSchema {
    /// "QRUM" in ASCII.
    public static let applicationID: Int32 = 0x5152_554D
    /// The migrations in order: migration N brings a store to version N, which it records in
    /// `user_version` as it ends.
    private static let migrations: [(name: String, migrate: @Sendable (Database) throws -> Void)] = [
        ("v1", createVersion1),
        ("v2", createVersion2),
        ("v3", createVersion3),
        ("v4", createVersion4),
        ("v5", createVersion5),
        ("v6", createVersion6),
        ("v7", createVersion7),
    ]

    /// The newest schema version this build knows; migrations bring older stores up to it.
    public static let currentVersion = migrations.count

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, migration) in migrations.enumerated() {
            migrator.registerMigration(migration.name) { db in
                try migration.migrate(db)
                try db.execute(sql: "PRAGMA user_version = \(index + 1)")
            }
        }
        return migrator
    }

    /// Version 5: a curator's skips (`s` in the workbench), logged apart from the decisions:
    /// a skip defers an item within a session and changes nothing the log derives.
    private static func createVersion5(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE skips (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                item_id INTEGER NOT NULL REFERENCES items(id),
                curator TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX skips_by_item ON skips(item_id, id);
            CREATE TRIGGER skips_refuse_update BEFORE UPDATE ON skips
                BEGIN SELECT RAISE(ABORT, 'skips are append-only'); END;
            CREATE TRIGGER skips_refuse_delete BEFORE DELETE ON skips
                BEGIN SELECT RAISE(ABORT, 'skips are append-only'); END;
            """)
    }

    /// Version 7: whether a team's reviews of the item disagree (`contested`), as a team's
    /// store derives it: a workbench's mirror of that store and a copy of it keep the mark. A
    /// store of one's own never sets it, and clears it with the item's next decision.
    private static func createVersion7(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE items ADD COLUMN contested INTEGER NOT NULL DEFAULT 0")
    }

    /// Version 6: the log takes notes (kind `note`). SQLite cannot change a CHECK constraint, so
    /// the decisions table is rebuilt with the same columns, rows, indexes and triggers (foreign
    /// keys are checked once the migration ends).
    private static func createVersion6(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE decisions_v6 (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                item_id INTEGER NOT NULL REFERENCES items(id),
                kind TEXT NOT NULL CHECK (kind IN ('accept', 'override', 'edit', 'reject', 'rerun', 'undo', 'note')),
                set_id INTEGER REFERENCES candidate_sets(id),
                candidate INTEGER,
                text TEXT,
                reason TEXT,
                target_id INTEGER REFERENCES decisions(id),
                curator TEXT NOT NULL,
                at TEXT NOT NULL,
                note TEXT,
                batch_id INTEGER
            );
            INSERT INTO decisions_v6 (id, item_id, kind, set_id, candidate, text, reason, target_id, curator, at, note, batch_id)
                SELECT id, item_id, kind, set_id, candidate, text, reason, target_id, curator, at, note, batch_id FROM decisions;
            DROP TABLE decisions;
            ALTER TABLE decisions_v6 RENAME TO decisions;
            CREATE INDEX decisions_by_item ON decisions(item_id, id);
            CREATE INDEX decisions_by_batch ON decisions(batch_id) WHERE batch_id IS NOT NULL;
            CREATE TRIGGER decisions_refuse_update BEFORE UPDATE ON decisions
                BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
            CREATE TRIGGER decisions_refuse_delete BEFORE DELETE ON decisions
                BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
            """)
    }

    /// Version 4: each set keeps its consensus's fragility (`ConsensusResult.fragility`), each
    /// item caches its current set's, and items are indexed by (status, fragility descending,
    /// id), so the queue lists the most fragile decisions first without sorting. Decisions
    /// made together (`:accept` over a filter) share a batch: the id of the batch's first.
    private static func createVersion4(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE candidate_sets ADD COLUMN consensus_fragility REAL;
            ALTER TABLE items ADD COLUMN fragility REAL;
            ALTER TABLE decisions ADD COLUMN batch_id INTEGER;
            CREATE INDEX decisions_by_batch ON decisions(batch_id) WHERE batch_id IS NOT NULL;
            """)
        let sets = try CandidateSet.fetchCursor(db, sql: "SELECT * FROM candidate_sets WHERE consensus_rule IS NOT NULL")
        let update = try db.makeStatement(sql: "UPDATE candidate_sets SET consensus_fragility = ? WHERE id = ?")
        while let set = try sets.next() {
            try update.execute(arguments: [set.consensus?.fragility, set.id])
        }
        try db.execute(sql: """
            UPDATE items SET fragility = (SELECT s.consensus_fragility FROM candidate_sets s WHERE s.id = items.current_set_id);
            CREATE INDEX items_by_status_fragility ON items(status, fragility DESC, id);
            """)
    }

    /// Version 3: each item caches its current set's consensus margin beside its status, and
    /// items are indexed by (status, margin, id), so the review queue pages in margin order
    /// under any status filter by merging one index range per status, never sorting. The
    /// index of sets by margin that version 2 paged through is dropped.
    private static func createVersion3(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE items ADD COLUMN margin REAL;
            UPDATE items SET margin = (SELECT s.consensus_margin FROM candidate_sets s WHERE s.id = items.current_set_id);
            CREATE INDEX items_by_status_margin ON items(status, margin, id);
            DROP INDEX candidate_sets_by_margin;
            """)
    }

    /// Version 2: how many instructions and instances the engine dropped, per run, stage and
    /// reason (the dropped texts themselves are not kept); and candidate sets indexed by
    /// margin, so the review queue pages in margin order without sorting the store.
    private static func createVersion2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE filter_drops (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                stage TEXT NOT NULL CHECK (stage IN ('instruction', 'instance')),
                reason TEXT NOT NULL,
                count INTEGER NOT NULL CHECK (count > 0),
                PRIMARY KEY (run_id, stage, reason)
            ) WITHOUT ROWID;
            CREATE INDEX candidate_sets_by_margin ON candidate_sets(consensus_margin, item_id);
            """)
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                started_at TEXT NOT NULL,
                source TEXT NOT NULL,
                config_json TEXT NOT NULL,
                config_hash TEXT NOT NULL
            );
            CREATE TABLE items (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                type TEXT NOT NULL CHECK (type IN ('A', 'B')),
                instruction TEXT NOT NULL,
                input TEXT NOT NULL,
                generator TEXT,
                seed_ids TEXT NOT NULL,
                created_at TEXT NOT NULL,
                -- Cache of the decision log's derivation, rewritten in the transaction of every
                -- write that can change it; StoreTransaction.rebuildDerivedState recomputes it.
                status TEXT NOT NULL CHECK (status IN
                    ('streaming', 'pending', 'accepted', 'overridden', 'edited', 'rejected', 'discarded')),
                output TEXT,
                chosen INTEGER,
                current_set_id INTEGER REFERENCES candidate_sets(id)
            );
            CREATE TABLE candidate_sets (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                item_id INTEGER NOT NULL REFERENCES items(id),
                ordinal INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                consensus_choice INTEGER,
                consensus_rule TEXT CHECK (consensus_rule IN ('exact', 'rouge')),
                consensus_scores TEXT,
                consensus_margin REAL,
                consensus_matrix TEXT,
                consensus_discard TEXT,
                UNIQUE (item_id, ordinal)
            );
            CREATE TABLE candidates (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                set_id INTEGER NOT NULL REFERENCES candidate_sets(id),
                position INTEGER NOT NULL,
                member TEXT NOT NULL,
                text TEXT NOT NULL,
                prompt_tokens INTEGER,
                completion_tokens INTEGER,
                latency_ms REAL,
                error TEXT,
                UNIQUE (set_id, position)
            );
            CREATE TABLE decisions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                item_id INTEGER NOT NULL REFERENCES items(id),
                kind TEXT NOT NULL CHECK (kind IN ('accept', 'override', 'edit', 'reject', 'rerun', 'undo')),
                set_id INTEGER REFERENCES candidate_sets(id),
                candidate INTEGER,
                text TEXT,
                reason TEXT,
                target_id INTEGER REFERENCES decisions(id),
                curator TEXT NOT NULL,
                at TEXT NOT NULL,
                note TEXT
            );
            CREATE INDEX decisions_by_item ON decisions(item_id, id);
            CREATE INDEX items_by_status ON items(status, id);
            CREATE INDEX items_awaiting_review ON items(id) WHERE status IN ('pending', 'streaming');
            CREATE TRIGGER decisions_refuse_update BEFORE UPDATE ON decisions
                BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
            CREATE TRIGGER decisions_refuse_delete BEFORE DELETE ON decisions
                BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
            """)
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    }
}
