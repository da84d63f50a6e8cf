-- Sectors and provinces join the change log (0004): a server keeps them in
-- memory and reloads them when an import (in any process) changes one.
--
-- Kept in step with ../postgres/0008_vocabulary_changes.sql.

create trigger sectors_log_insert after insert on sectors begin
    insert into search_changes (kind, entity_id) values ('sector', new.id);
end;
create trigger sectors_log_update after update on sectors begin
    insert into search_changes (kind, entity_id) values ('sector', new.id);
end;
create trigger sectors_log_delete after delete on sectors begin
    insert into search_changes (kind, entity_id) values ('sector', old.id);
end;

create trigger provinces_log_insert after insert on provinces begin
    insert into search_changes (kind, entity_id) values ('province', new.id);
end;
create trigger provinces_log_update after update on provinces begin
    insert into search_changes (kind, entity_id) values ('province', new.id);
end;
create trigger provinces_log_delete after delete on provinces begin
    insert into search_changes (kind, entity_id) values ('province', old.id);
end;
