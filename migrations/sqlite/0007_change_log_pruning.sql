-- How far the search change log (0004) has been pruned: servers delete its
-- old entries (all but the newest million, see `Store::prune_search_changes`)
-- and record here the position they deleted through. A follower whose
-- position is below it may have missed changes, and reads everything again.
--
-- Kept in step with ../postgres/0007_change_log_pruning.sql.

alter table search_meta add column pruned_tx integer not null default 0;
alter table search_meta add column pruned_seq integer not null default 0;
