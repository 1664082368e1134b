import Testing

@Test func placeholderSchemaBuilderTests() {}
