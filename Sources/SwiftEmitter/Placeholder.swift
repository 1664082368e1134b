// Placeholder until the SwiftEmitter stage lands.
