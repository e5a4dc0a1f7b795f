/**
 * The stories table: what the indexer writes (one story per transaction, announced with NOTIFY on
 * commit) and what bot instances read (everything at start, then the changes since the last
 * change sequence number they applied).
 */
import type pg from 'pg';
import type { Article, ArticleFormat, Quotation } from '../core/types.ts';

/** The NOTIFY channel: the payload is the change's sequence number. */
export const STORIES_CHANNEL = 'whosaid_stories';

/** A story row as instances read it: the story (null when the file gave none or was deleted). */
export interface StoryRow {
  readonly path: string;
  readonly seq: number;
  /** sha1 of the file's content (with the path and quotation count, the key of a saved search index). */
  readonly fingerprint: string;
  readonly article: Article | null;
  readonly quotations: readonly Quotation[];
  readonly warning: string | null;
}

/** What the indexer knows of a file already stored. */
export interface StoredFile {
  readonly path: string;
  readonly fingerprint: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly extraction: string;
  readonly hasStory: boolean;
}

/** One file's extraction, as the indexer writes it. */
export interface StoryWrite {
  readonly path: string;
  readonly fingerprint: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly extraction: string;
  readonly article: Article | null;
  readonly quotations: readonly Quotation[];
  readonly warning: string | null;
}

interface RawRow {
  path: string;
  seq: string;
  fingerprint: string;
  story_id: string | null;
  title: string | null;
  source: string | null;
  date: string | null;
  url: string | null;
  byline: string | null;
  section: string | null;
  format: string | null;
  authors: string | null;
  paragraphs: string | null;
  quotations: string;
  warning: string | null;
}

// JSON columns come back as text and are parsed here: one JSON.parse per column, as pg would, but
// a quotation list without its `articleId` (the story's id, stored once) is put back without a copy.
const READ_COLUMNS = `path, seq, fingerprint, story_id, title, source, date, url, byline, section, format,
  authors::text AS authors, paragraphs::text AS paragraphs, quotations::text AS quotations, warning`;

/** Stories per page when reading them all. */
const READ_PAGE = 2_000;

function rowOf(r: RawRow): StoryRow {
  if (r.story_id === null || r.paragraphs === null)
    return { path: r.path, seq: Number(r.seq), fingerprint: r.fingerprint, article: null, quotations: [], warning: r.warning };
  const article: Article = {
    id: r.story_id,
    title: r.title ?? '',
    source: r.source,
    date: r.date,
    url: r.url,
    authors: r.authors ? (JSON.parse(r.authors) as string[]) : [],
    byline: r.byline,
    section: r.section,
    format: (r.format ?? 'txt') as ArticleFormat,
    paragraphs: JSON.parse(r.paragraphs) as string[],
  };
  const quotations = (JSON.parse(r.quotations) as Omit<Quotation, 'articleId'>[]).map((q) => ({ ...q, articleId: article.id }));
  return { path: r.path, seq: Number(r.seq), fingerprint: r.fingerprint, article, quotations, warning: r.warning };
}

/** Every stored story (not deleted), in path order, and the highest change number seen. */
export async function readAllStories(db: pg.Pool | pg.ClientBase): Promise<{ rows: StoryRow[]; seq: number }> {
  // The change number first: a change committed between the two reads is applied again on the
  // first catch-up (harmless: a story replaced by itself), never missed.
  const max = await db.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM stories');
  // In pages (by path): the raw text of a page is dropped once parsed, so a million quotations
  // never sit in memory twice. A change between pages is covered by the catch-up, as above.
  const rows: StoryRow[] = [];
  for (let after = ''; ; ) {
    const res = await db.query<RawRow>(`SELECT ${READ_COLUMNS} FROM stories WHERE NOT deleted AND path > $1 ORDER BY path LIMIT ${READ_PAGE}`, [after]);
    for (const r of res.rows) rows.push(rowOf(r));
    const last = res.rows.at(-1);
    if (!last || res.rows.length < READ_PAGE) break;
    after = last.path;
  }
  return { rows, seq: Number(max.rows[0]?.seq ?? 0) };
}

/** Rows changed after `seq` (deleted ones with `article` null), in change order. */
export async function readChangesSince(db: pg.Pool | pg.ClientBase, seq: number): Promise<StoryRow[]> {
  const res = await db.query<RawRow & { deleted: boolean }>(`SELECT ${READ_COLUMNS}, deleted FROM stories WHERE seq > $1 ORDER BY seq`, [seq]);
  return res.rows.map((r) =>
    r.deleted ? { path: r.path, seq: Number(r.seq), fingerprint: r.fingerprint, article: null, quotations: [], warning: null } : rowOf(r),
  );
}

/** What is stored of every file that is not deleted (for the indexer's comparison with the folder). */
export async function readStoredFiles(db: pg.Pool): Promise<Map<string, StoredFile>> {
  const res = await db.query<{ path: string; fingerprint: string; size: string; mtime_ms: number; extraction: string; has_story: boolean }>(
    'SELECT path, fingerprint, size, mtime_ms, extraction, story_id IS NOT NULL AS has_story FROM stories WHERE NOT deleted',
  );
  return new Map(
    res.rows.map((r) => [
      r.path,
      { path: r.path, fingerprint: r.fingerprint, size: Number(r.size), mtimeMs: r.mtime_ms, extraction: r.extraction, hasStory: r.has_story },
    ]),
  );
}

/** Run `work` in a transaction on one pooled connection. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Write one story (new or changed) in one transaction with its announcement: instances hear of it
 * only once it is committed, and never see half of it. Resolves with its change number.
 */
export async function writeStory(pool: pg.Pool, s: StoryWrite): Promise<number> {
  const a = s.article;
  const quotations = a ? s.quotations.map(({ articleId: _, ...q }) => q) : [];
  return inTransaction(pool, async (client) => {
    const res = await client.query<{ seq: string }>(
      `INSERT INTO stories (path, fingerprint, size, mtime_ms, extraction, story_id, title, source, date, url, byline, section, format,
         authors, paragraphs, quotations, quotation_count, warning, deleted, seq, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,false,nextval('story_change_seq'),now())
       ON CONFLICT (path) DO UPDATE SET fingerprint=$2, size=$3, mtime_ms=$4, extraction=$5, story_id=$6, title=$7, source=$8, date=$9,
         url=$10, byline=$11, section=$12, format=$13, authors=$14, paragraphs=$15, quotations=$16, quotation_count=$17, warning=$18,
         deleted=false, seq=nextval('story_change_seq'), updated_at=now()
       RETURNING seq`,
      [
        s.path,
        s.fingerprint,
        s.size,
        s.mtimeMs,
        s.extraction,
        a?.id ?? null,
        a?.title ?? null,
        a?.source ?? null,
        a?.date ?? null,
        a?.url ?? null,
        a?.byline ?? null,
        a?.section ?? null,
        a?.format ?? null,
        a ? JSON.stringify(a.authors) : null,
        a ? JSON.stringify(a.paragraphs) : null,
        JSON.stringify(quotations),
        quotations.length,
        s.warning,
      ],
    );
    const seq = res.rows[0]?.seq ?? '0';
    await client.query('SELECT pg_notify($1, $2)', [STORIES_CHANNEL, seq]);
    return Number(seq);
  });
}

/** Note a file unchanged in content but touched (new mtime) or with a new warning: no change number, no announcement. */
export async function touchStory(pool: pg.Pool, path: string, size: number, mtimeMs: number, warning?: string | null): Promise<void> {
  if (warning === undefined) await pool.query('UPDATE stories SET size=$2, mtime_ms=$3 WHERE path=$1', [path, size, mtimeMs]);
  else await pool.query('UPDATE stories SET size=$2, mtime_ms=$3, warning=$4 WHERE path=$1', [path, size, mtimeMs, warning]);
}

/** Mark a file deleted (a tombstone with a new change number, announced on commit). */
export async function deleteStory(pool: pg.Pool, path: string): Promise<number> {
  return inTransaction(pool, async (client) => {
    const res = await client.query<{ seq: string }>(
      `UPDATE stories SET deleted=true, story_id=NULL, title=NULL, source=NULL, date=NULL, url=NULL, byline=NULL, section=NULL, format=NULL,
         authors=NULL, paragraphs=NULL, quotations='[]', quotation_count=0, warning=NULL, seq=nextval('story_change_seq'), updated_at=now()
       WHERE path=$1 RETURNING seq`,
      [path],
    );
    const seq = res.rows[0]?.seq ?? '0';
    await client.query('SELECT pg_notify($1, $2)', [STORIES_CHANNEL, seq]);
    return Number(seq);
  });
}
