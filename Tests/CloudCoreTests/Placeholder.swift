import Testing

@Test func placeholderCloudCoreTests() {}
