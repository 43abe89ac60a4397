CREATE TABLE `games` (
	`id` text PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`name` text NOT NULL,
	`score` integer NOT NULL,
	`lines` integer NOT NULL,
	`level` integer NOT NULL,
	`start_level` integer NOT NULL,
	`frames` integer NOT NULL,
	`seed` integer NOT NULL,
	`replay` text NOT NULL,
	`engine_version` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `games_board_idx` ON `games` (`mode`,"score" desc,`created_at`);