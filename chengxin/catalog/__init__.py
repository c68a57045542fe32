"""Products and stock: names in several languages, HS 2022 codes checked against the
nomenclature, packing data, and stock levels pushed by the company's ERP."""
