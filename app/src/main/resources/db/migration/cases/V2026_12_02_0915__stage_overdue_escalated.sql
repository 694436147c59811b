-- An overdue urgent disposal escalates the case once per stage: the flag survives hanging,
-- resuming and postponing, which restart the stage clock's timers but not the stage.
alter table cases.case_file add column overdue_escalated boolean not null default false;
