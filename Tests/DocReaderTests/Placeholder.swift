import Testing

@Test func placeholderDocReaderTests() {}
