import APISchema

/// How one service's wire names (`image_id`, `X-Language`, `vpc_info`) are spelled as Swift identifiers: words run
/// together in camel case, initialisms in capitals as the API Design Guidelines ask (`imageID`, `VPCInfo`). Which
/// words are initialisms is vocabulary: a few general ones here (`ID`, `IP`, `URL`, …), the cloud's own (service
/// abbreviations such as `ECS` or `OBS`) from the schema, which carries them from the configuration
/// (``APISchema/ServiceSchema/initialisms``). Pure functions of their input and the vocabulary.
struct SwiftSpelling: Sendable {
    /// Every initialism by its lower-case spelling (`vpc` → `VPC`, `ipv4` → `IPv4`).
    private let initialisms: [String: String]

    /// The spelling with the general initialisms and `initialisms` (each written as it should appear: `ECS`).
    init(initialisms: [String] = []) {
        var known = Self.generalInitialisms
        for word in initialisms { known[word.lowercased()] = word }
        self.initialisms = known
    }

    /// The spelling of the names of `schema`, with the initialisms it was configured with.
    init(for schema: ServiceSchema) {
        self.init(initialisms: schema.initialisms)
    }

    /// Initialisms of computing in general, by their lower-case spelling. A word is added here only when it is never
    /// an ordinary English word in API names; the names of the cloud's services come from configuration.
    private static let generalInitialisms: [String: String] = Dictionary(
        uniqueKeysWithValues: [
            "AI", "API", "AZ", "CIDR", "CPU", "CUDA", "DHCP", "DNS", "FPGA", "GPU", "HTTP", "HTTPS", "ID", "IP", "JSON",
            "MAC", "NAS", "NFS", "NIC", "NPU", "OS", "PCI", "SDK", "SNAT", "SSD", "SSH", "SSL", "TLS", "TTL", "URI",
            "URL", "URN", "UUID", "VM", "VNC", "XPU", "YAML",
        ].map { ($0.lowercased(), $0) } + [("ipv4", "IPv4"), ("ipv6", "IPv6")])

    /// `image_id` → `imageID`, `X-Auth-Token` → `xAuthToken`, `QueryAllAPIVersions` → `queryAllAPIVersions`,
    /// `ID` → `id`. Initialisms follow the API Design Guidelines: all upper case, or all lower case at the start.
    func lowerCamel(_ text: String) -> String {
        let source = SwiftNames.words(text)
        guard let first = source.first else { return "" }
        let casing = InitialismCasing(text, initialisms: initialisms)
        return Self.joined([first.lowercased()] + source.dropFirst().map(casing.spelled))
    }

    /// `volume_req` → `VolumeReq`, `vpc_info` → `VPCInfo`, `DeleteECSs` → `DeleteECSs`.
    func upperCamel(_ text: String) -> String {
        let casing = InitialismCasing(text, initialisms: initialisms)
        return Self.joined(SwiftNames.words(text).map(casing.spelled))
    }

    /// The Swift name of a schema type or operation (`VpcInfo` → `VPCInfo`), never starting with a digit.
    func typeName(_ schemaName: String) -> String {
        let name = upperCamel(schemaName)
        return name.isEmpty || name.first!.isNumber ? "Value" + name : name
    }

    /// A property, parameter or function name for `wireName`, escaped with backticks when it is a keyword, and
    /// with `Value` after a name that no backticks make usable as a member (`self` in OpenStack's `links`).
    func member(_ wireName: String) -> String {
        identifier(wireName, digitPrefix: "_", reserved: SwiftNames.unusableMembers)
    }

    /// The name of a static member of an open enum for the wire value `value` (`EVS` → `evs`, `1` → `value1`).
    func enumCase(_ value: String) -> String {
        identifier(value, digitPrefix: "value", reserved: SwiftNames.reservedEnumMembers)
    }

    /// `text` in lower camel case, never empty, `prefix` before a leading digit, `Value` after a `reserved` name.
    private func identifier(_ text: String, digitPrefix prefix: String, reserved: Set<String>) -> String {
        var name = lowerCamel(text)
        if name.isEmpty { name = "value" }
        if name.first!.isNumber { name = prefix + name }
        if reserved.contains(name) { name += "Value" }
        return SwiftNames.escaped(name)
    }

    /// Words run together, with `_` kept between two numbers (`x86_64` → `x86_64`, not `x8664`).
    private static func joined(_ parts: [String]) -> String {
        var result = ""
        for part in parts {
            if result.last?.isNumber == true, part.first?.isNumber == true { result += "_" }
            result += part
        }
        return result
    }

    /// How the words of one wire name are spelled inside an identifier. A word is an initialism when it is a known
    /// one (`id`, `vpc`, `ipv4`, with a plural `s`), or when it is written in capitals within a name that also has
    /// lower-case letters (`AZs` in `QueryAllAZs`; but not `MANUAL` in the constant `MANUAL_ANNOTATION`).
    private struct InitialismCasing {
        let capitalsMarkInitialisms: Bool
        let initialisms: [String: String]

        init(_ text: String, initialisms: [String: String]) {
            capitalsMarkInitialisms = text.contains { $0.isLowercase }
            self.initialisms = initialisms
        }

        /// The initialism's spelling (`IPv4`, `IDs`, `AZs`), or `nil` for an ordinary word.
        func initialism(_ word: String) -> String? {
            let lower = word.lowercased()
            if let known = initialisms[lower] { return known }
            if lower.count > 2, lower.hasSuffix("s"), let known = initialisms[String(lower.dropLast())] {
                return known + "s"
            }
            guard capitalsMarkInitialisms, word.count >= 2 else { return nil }
            let stem = word.hasSuffix("s") ? word.dropLast() : Substring(word)
            guard stem.count >= 2, stem.allSatisfy({ $0.isUppercase || $0.isNumber }) else { return nil }
            return String(stem) + (stem.count < word.count ? "s" : "")
        }

        /// `id` → `ID`, `name` → `Name`, `x86` → `X86`.
        func spelled(_ word: String) -> String {
            if let initialism = initialism(word) { return initialism }
            guard let first = word.first else { return word }
            return first.uppercased() + word.dropFirst().lowercased()
        }
    }
}
