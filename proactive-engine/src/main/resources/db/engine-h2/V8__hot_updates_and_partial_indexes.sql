-- Nothing on H2: PostgreSQL's V8 sets a fillfactor and makes some message indexes partial, which H2 does not support.
SELECT 1;
