-- The update journal shared by the bot instances: an update is stored before Telegram is told it
-- arrived, its delivered replies are noted, and it is marked done once answered. An instance holds
-- a lease on the updates it handles and renews it; when it dies, the lease runs out and another
-- instance claims them (FOR UPDATE SKIP LOCKED) and answers what is left.
CREATE TABLE update_journal (
  update_id   bigint PRIMARY KEY,
  body        jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  owner       text NOT NULL,
  lease_until timestamptz NOT NULL,
  delivered   integer[] NOT NULL DEFAULT '{}',
  done_at     timestamptz
);

CREATE INDEX update_journal_open ON update_journal (lease_until) WHERE done_at IS NULL;
CREATE INDEX update_journal_done ON update_journal (done_at) WHERE done_at IS NOT NULL;

-- Questions per user, instance and 10-second bucket (epoch ms / 10000), for the flood limit shared
-- by the instances: a user's count is the sum over the buckets of the last minute.
CREATE TABLE flood_counts (
  user_id   bigint NOT NULL,
  bucket    bigint NOT NULL,
  instance  text NOT NULL,
  questions integer NOT NULL,
  PRIMARY KEY (user_id, bucket, instance)
);
