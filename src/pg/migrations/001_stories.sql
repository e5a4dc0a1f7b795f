-- Stories as the indexer extracted them: one row per corpus file (path), its content fingerprint,
-- the story's metadata and text, and its quotations as the extractor gave them (JSONB: the search
-- runs in each instance's memory, so no query looks inside them). A deleted file keeps its row as
-- a tombstone (deleted = true, no data) so instances catching up hear of the deletion.
CREATE SEQUENCE story_change_seq;

CREATE TABLE stories (
  path        text PRIMARY KEY,
  -- sha1 of the file's bytes; with size and mtime, how the indexer tells a file changed.
  fingerprint text NOT NULL,
  size        bigint NOT NULL,
  mtime_ms    double precision NOT NULL,
  -- Version of the extraction code (fingerprint of src/core): another version extracts again.
  extraction  text NOT NULL,
  -- The story (null when the file gave none: then warning says why).
  story_id    text,
  title       text,
  source      text,
  date        text,
  url         text,
  byline      text,
  section     text,
  format      text,
  authors     jsonb,
  -- The story's text, one string per paragraph.
  paragraphs  jsonb,
  -- Quotations: words, kind, speakers with roles, said, span, and provenance (rule, cue, resolvedBy).
  quotations  jsonb NOT NULL DEFAULT '[]',
  quotation_count integer NOT NULL DEFAULT 0,
  warning     text,
  deleted     boolean NOT NULL DEFAULT false,
  -- Change sequence: every add, change or delete takes the next value; catching up is "seq > N".
  seq         bigint NOT NULL DEFAULT nextval('story_change_seq'),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX stories_seq ON stories (seq);
