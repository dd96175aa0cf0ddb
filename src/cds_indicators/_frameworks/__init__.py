"""Framework files: schema, parsing and checks, building, writing, the shipped
registry, editions."""
