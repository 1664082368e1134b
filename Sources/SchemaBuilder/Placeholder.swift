// Placeholder until the SchemaBuilder stage lands.
