/**
 * The workflow's tables. Each row keeps the whole entity as JSON (`doc`) beside the columns that
 * queries filter and sort on; the entity types live in src/domain, so the JSON is the contract.
 */
export const WORKFLOW_DDL = `
CREATE TABLE IF NOT EXISTS departments (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, department TEXT, doc TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS users_by_department ON users (department, id);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, user TEXT NOT NULL,
  expires_at REAL, doc TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY, state TEXT NOT NULL, level INTEGER NOT NULL, domain TEXT NOT NULL,
  class TEXT NOT NULL, department TEXT, active INTEGER NOT NULL, opened_at REAL NOT NULL,
  version INTEGER NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cases_by_active ON cases (active, id);
CREATE INDEX IF NOT EXISTS cases_by_department ON cases (department, id);
CREATE INDEX IF NOT EXISTS cases_by_opened ON cases (opened_at);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY, at REAL NOT NULL, subject_type TEXT NOT NULL, subject_id TEXT NOT NULL,
  hash TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_by_subject ON audit (subject_type, subject_id, seq);
CREATE TABLE IF NOT EXISTS deliveries (
  id TEXT PRIMARY KEY, department TEXT NOT NULL, state TEXT NOT NULL, next_at REAL NOT NULL,
  doc TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (state, next_at);
CREATE TABLE IF NOT EXISTS scenarios (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, created_at REAL NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS scenarios_by_kind ON scenarios (kind, id);
`;
