CREATE TABLE `best_scores` (
	`mode` text NOT NULL,
	`name` text NOT NULL,
	`game_id` text NOT NULL,
	`score` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`mode`, `name`)
);
--> statement-breakpoint
CREATE INDEX `best_scores_rank_idx` ON `best_scores` (`mode`,"score" desc,`created_at`,`game_id`);--> statement-breakpoint
-- Backfill: each name's best game per mode, as the save transaction keeps it from now on.
INSERT INTO best_scores (mode, name, game_id, score, created_at)
SELECT mode, name, id, score, created_at FROM (SELECT mode, name, id, score, created_at,
  row_number() OVER (PARTITION BY mode, name ORDER BY score DESC, created_at ASC, id ASC) AS rn
  FROM games) AS ranked WHERE rn = 1;
