// Placeholder until the Swift emitter writes this module.
