-- Sectors and provinces join the change log (0004): a server keeps them in
-- memory and reloads them when an import (in any process) changes one.
--
-- Kept in step with ../sqlite/0008_vocabulary_changes.sql.

create trigger sectors_log_insert after insert on sectors
    referencing new table as changed
    for each statement execute function search_log('sector');
create trigger sectors_log_update after update on sectors
    referencing new table as changed
    for each statement execute function search_log('sector');
create trigger sectors_log_delete after delete on sectors
    referencing old table as changed
    for each statement execute function search_log('sector');

create trigger provinces_log_insert after insert on provinces
    referencing new table as changed
    for each statement execute function search_log('province');
create trigger provinces_log_update after update on provinces
    referencing new table as changed
    for each statement execute function search_log('province');
create trigger provinces_log_delete after delete on provinces
    referencing old table as changed
    for each statement execute function search_log('province');
