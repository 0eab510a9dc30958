-- OpenGRU core, V16 (channels, issue 25): inbound mail links a mail without a reply token to the usager
-- whose contact e-mail sent it; the lookup compares without case and must not scan every usager.
CREATE INDEX gru_usager_by_email ON gru_usager (tenant_id, lower(document #>> '{contact,email,value}'));
