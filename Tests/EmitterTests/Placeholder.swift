import Testing

@Test func placeholderEmitterTests() {}
