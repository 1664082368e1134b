import APISchema

/// How each change affects users of the generated Swift SDK. The rules follow from the generator's choices:
/// every parameter and request field becomes a Swift argument or memberwise-initialiser parameter (required ones
/// without a default), response fields are all optional, enums are open structs with one static member per
/// documented value, and Swift names come from wire names. The README's table ("When the docs change") states them
/// with their reasons; `CompilerAgreementTests` checks them against the compiler.
enum ImpactRules {
    /// The impact of a change whose impact does not depend on its details.
    static func impact(of kind: APIChange.Kind) -> APIChange.Impact {
        switch kind {
        case .operationRemoved, .operationRenamed, .typeRemoved, .typeRenamed, .parameterRemoved, .parameterRenamed,
            .parameterTypeChanged, .fieldRemoved, .fieldRenamed, .fieldTypeChanged, .enumValueRemoved:
            .sourceBreaking
        case .operationMoved, .parameterMoved:
            .runtimeBreaking
        case .operationAdded, .typeAdded, .statusAdded, .statusRemoved, .enumValueAdded:
            .compatible
        case .parameterAdded, .fieldAdded, .parameterRequiredChanged, .fieldRequiredChanged:
            .compatible  // decided by `requirement(…)`
        }
    }

    /// An added member, or a changed required flag: breaking only when a request gains a requirement.
    static func requirement(nowRequired: Bool, inRequest: Bool) -> APIChange.Impact {
        nowRequired && inRequest ? .sourceBreaking : .compatible
    }
}
