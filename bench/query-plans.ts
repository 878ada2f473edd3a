import { CompiledQuery } from 'kysely';
import type { Db, DatabaseKind } from '../server/db/database.ts';

export type StatementPlan = { sql: string; parameters: readonly unknown[]; lines: string[]; accessPaths: string[]; warnings: string[] };

/** The lines that say how rows are found: which index, which scan, which sort. */
function findAccessPaths(kind: DatabaseKind, lines: string[]): string[] {
  const pattern = kind === 'sqlite' ? /^(SCAN|SEARCH|USE TEMP)/ : /(Scan|Sort|Limit|Aggregate) /;
  return lines
    .map((line) =>
      line
        .trim()
        .replace(/^->\s*/, '')
        .replace(/\s*\(cost=[^)]*\)/, ''),
    )
    .filter((line) => pattern.test(line));
}

type SqlitePlanRow = { id: number; parent: number; detail: string };

/** SQLite gives the plan as a tree of (id, parent) rows: indent each by its depth. */
function indentSqlitePlan(rows: SqlitePlanRow[]): string[] {
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${'  '.repeat(level)}${row.detail}`;
  });
}

/**
 * What in a plan means work grows with the whole registry: a table read from end to end, or every
 * matching row sorted to return twenty.
 */
function findWarnings(kind: DatabaseKind, lines: string[]): string[] {
  const warnings: string[] = [];
  for (const line of lines) {
    if (kind === 'sqlite') {
      if (/^\s*SCAN organizations$/.test(line)) warnings.push('full table scan of organizations');
      // At the top level it sorts the page's rows only; inside the id subquery, every match.
      if (/^\s+USE TEMP B-TREE FOR ORDER BY/.test(line)) warnings.push('every matching row sorted (temp b-tree)');
    } else {
      if (/Seq Scan on organizations/.test(line)) warnings.push(`sequential scan: ${line}`);
      if (/Sort Method: external/.test(line)) warnings.push(`sort spilled to disk: ${line}`);
    }
  }
  return warnings;
}

/** EXPLAIN QUERY PLAN on SQLite; EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, which also runs it. */
export async function explainStatement(db: Db, kind: DatabaseKind, statement: CompiledQuery): Promise<StatementPlan> {
  const prefix = kind === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers) ';
  const result = await db.executeQuery(CompiledQuery.raw(prefix + statement.sql, [...statement.parameters]));
  const lines =
    kind === 'sqlite'
      ? indentSqlitePlan(result.rows as SqlitePlanRow[])
      : (result.rows as Record<string, string>[]).map((row) => row['QUERY PLAN'] ?? '');
  return {
    sql: statement.sql,
    parameters: statement.parameters,
    lines,
    accessPaths: findAccessPaths(kind, lines),
    warnings: findWarnings(kind, lines),
  };
}
