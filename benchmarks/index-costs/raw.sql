INSERT INTO bench_raw (id, tenant_id, payload) VALUES (gen_random_uuid(), 'commune-bench', '{"n":1}');
