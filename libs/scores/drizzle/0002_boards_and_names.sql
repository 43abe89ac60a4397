CREATE TABLE `name_claims` (
	`name_key` text PRIMARY KEY NOT NULL,
	`key_hash` text NOT NULL,
	`claimed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `name_codes` (
	`name_key` text PRIMARY KEY NOT NULL,
	`code_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `games_rank_idx` ON `games` (`mode`,"score" desc,`created_at`,`name`);--> statement-breakpoint
CREATE INDEX `games_board_start_idx` ON `games` (`mode`,`start_level`,"score" desc,`created_at`);--> statement-breakpoint
CREATE INDEX `games_period_idx` ON `games` (`mode`,`created_at`);--> statement-breakpoint
CREATE INDEX `games_period_start_idx` ON `games` (`mode`,`start_level`,`created_at`);--> statement-breakpoint
CREATE INDEX `games_player_best_idx` ON `games` (`name`,`mode`,`start_level`,"score" desc);--> statement-breakpoint
CREATE INDEX `games_player_recent_idx` ON `games` (`name`,`created_at`);