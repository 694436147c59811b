-- One assessment, three uses: road segments (their chiefs) and trades are scored like units and
-- departments; a frontage-duty shop loses points per problem recorded in front of it. A scheme
-- version says who added it and when (versions are added through the API, audited).
alter table evaluation.scoring_scheme add column shop_penalty numeric(6,2) not null default 5 check (shop_penalty >= 0);
alter table evaluation.scoring_scheme add column created_by varchar(60) not null default 'migration';
alter table evaluation.scoring_scheme add column created_at timestamptz not null default now();
alter table evaluation.scoring_scheme alter column bands type varchar(200);

-- segments and trades are new kinds of subject: version 1 weighs them as units and departments
insert into evaluation.scoring_weight (version, kind, rate, weight)
select version, 'SEGMENT', rate, weight from evaluation.scoring_weight where version = 1 and kind = 'DISTRICT';
insert into evaluation.scoring_weight (version, kind, rate, weight)
select version, 'TRADE', rate, weight from evaluation.scoring_weight where version = 1 and kind = 'DEPARTMENT';
