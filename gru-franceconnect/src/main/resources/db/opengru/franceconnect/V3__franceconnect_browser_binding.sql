-- Each pending login is bound to the browser that started it (hash of a secret kept in a cookie):
-- a callback carrying a state started in another browser is refused (login CSRF).
-- Logins pending before this migration have no binding and will be refused: users start again.

ALTER TABLE franceconnect_pending_login ADD COLUMN browser_binding_hash VARCHAR(64) NOT NULL DEFAULT '';
