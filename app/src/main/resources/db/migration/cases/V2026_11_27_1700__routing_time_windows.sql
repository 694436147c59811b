-- Routing by time of day (Asia/Shanghai): a rule may hold only inside a window, which may wrap midnight.
alter table cases.routing_rule add column active_from time;
alter table cases.routing_rule add column active_to time;
