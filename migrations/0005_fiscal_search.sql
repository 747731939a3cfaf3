-- Registry search (bench/registry): every branch of the free-text search has its own index, so
-- PostgreSQL combines them with a BitmapOr instead of scanning the registry.
CREATE INDEX registers_fiscal_module_number_idx ON fiscal.registers (fiscal_module_number);
CREATE INDEX registers_registered_at_idx ON fiscal.registers (registered_at DESC, id DESC);
