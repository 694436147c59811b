-- Command delivery: how many times a command went out (sent_at is the last time), and when CivicGrid
-- gave up waiting for the device's acknowledgement. The state is derived: acked_at → ACKED,
-- failed_at → FAILED, sent_at → SENT, else PENDING.
alter table sensing.command add column attempts int not null default 0;
alter table sensing.command add column failed_at timestamptz;
