CREATE TABLE "games" (
	"id" text PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"name" text NOT NULL,
	"score" integer NOT NULL,
	"lines" integer NOT NULL,
	"level" integer NOT NULL,
	"start_level" integer NOT NULL,
	"frames" integer NOT NULL,
	"seed" integer NOT NULL,
	"replay" text NOT NULL,
	"engine_version" integer NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from clock_timestamp()) * 1000))::bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "name_claims" (
	"name_key" text PRIMARY KEY NOT NULL,
	"key_hash" text NOT NULL,
	"claimed_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "name_codes" (
	"name_key" text PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "games_board_idx" ON "games" USING btree ("mode","score" DESC NULLS LAST,"created_at");--> statement-breakpoint
CREATE INDEX "games_seed_idx" ON "games" USING btree ("seed","start_level","score" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "games_rank_idx" ON "games" USING btree ("mode","score" DESC NULLS LAST,"created_at","name");--> statement-breakpoint
CREATE INDEX "games_board_start_idx" ON "games" USING btree ("mode","start_level","score" DESC NULLS LAST,"created_at");--> statement-breakpoint
CREATE INDEX "games_period_idx" ON "games" USING btree ("mode","created_at");--> statement-breakpoint
CREATE INDEX "games_period_start_idx" ON "games" USING btree ("mode","start_level","created_at");--> statement-breakpoint
CREATE INDEX "games_player_best_idx" ON "games" USING btree ("name","mode","start_level","score" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "games_player_recent_idx" ON "games" USING btree ("name","created_at");