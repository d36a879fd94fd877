// The store's schema, one step per version: PRAGMA user_version says which steps a file has had.
// Steps are only ever appended: a file written by an older bot is brought up to date when opened.

export const MIGRATIONS: readonly string[] = [
  // 1: what users ask and how they judge the answers. No user id or name anywhere: `asker` is a keyed hash of
  // the user id whose key changes every day (asker-key.ts), enough to count distinct askers, not to find one.
  `CREATE TABLE questions (
     id INTEGER PRIMARY KEY,
     ref TEXT NOT NULL UNIQUE,   -- random key carried by the answer's buttons: feedback and picks find their question
     asked_at INTEGER NOT NULL,  -- milliseconds since the epoch, UTC
     guild_id TEXT,              -- NULL in direct messages
     surface TEXT NOT NULL,      -- slash, mention, channel, dm
     language TEXT NOT NULL,
     question TEXT,              -- as the engine saw it, at most 500 characters; NULL with RECORD_QUESTIONS=false
     status TEXT NOT NULL,       -- answered, uncertain, unknown
     fact_id TEXT,               -- the answer, or the best guess
     confidence REAL NOT NULL,
     latency_ms REAL NOT NULL,
     asker TEXT NOT NULL
   );
   CREATE INDEX questions_by_time ON questions (asked_at);
   CREATE TABLE feedback (
     id INTEGER PRIMARY KEY,
     question_ref TEXT,
     fact_id TEXT NOT NULL,
     vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
     comment TEXT,               -- "what was wrong?", at most 300 characters
     at INTEGER NOT NULL,
     asker TEXT NOT NULL
   );
   CREATE INDEX feedback_by_time ON feedback (at);
   CREATE TABLE picks (
     id INTEGER PRIMARY KEY,
     question_ref TEXT,
     fact_id TEXT NOT NULL,
     via TEXT NOT NULL,          -- did-you-mean, related
     at INTEGER NOT NULL,
     asker TEXT NOT NULL
   );
   CREATE INDEX picks_by_time ON picks (at);
   CREATE TABLE asker_keys (day TEXT PRIMARY KEY, key BLOB NOT NULL);`,
  // 2: what server admins set with /xen-admin.
  `CREATE TABLE guild_settings (
     guild_id TEXT PRIMARY KEY,
     cooldown_seconds INTEGER,
     default_language TEXT,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE answer_channels (
     guild_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     added_at INTEGER NOT NULL,
     PRIMARY KEY (guild_id, channel_id)
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
