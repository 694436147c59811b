-- Accounts are no longer locked after failed logins (anyone could lock anyone out); sign-ins from an
-- address that keeps failing wait instead, counted in memory (identity.security.LoginThrottle).
alter table identity.app_user drop column failed_logins, drop column locked_until;
