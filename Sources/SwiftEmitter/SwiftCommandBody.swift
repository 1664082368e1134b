import APISchema
import Foundation

// The request body on the command line, besides `--body`: an option per top-level scalar or enum field of the body
// (`--name nb-1`), set over `--body`'s keys, and the body's template for `--generate-skeleton`.

extension SwiftCommandPlan {
    /// The fields of the body model `type` (through aliases), or none when it is not an object.
    static func bodyFields(_ type: TypeRef?, module: SwiftModulePlan) -> [Property] {
        guard case .named(let name)? = type else { return [] }
        switch module.typeMap.namedType(name)?.kind {
        case .object(let properties)?: return properties
        case .alias(let target)?: return bodyFields(.named(target), module: module)
        default: return []
        }
    }

    /// An option per top-level scalar or enum field of the body whose name no other option of the command has
    /// (the others are reported to `diagnostics`), and the `overriding:` entries that hand their values to
    /// ``RequestBodyArgument``.
    static func fieldOptions(
        _ operation: APISchema.Operation, names: inout CommandNames, module: SwiftModulePlan,
        _ diagnostics: inout DiagnosticCollector
    ) -> (options: [OptionContext], entries: [String]) {
        var options: [OptionContext] = []
        var entries: [String] = []
        for field in bodyFields(operation.requestBody?.type, module: module) {
            guard let shape = optionType(of: field, module: module) else { continue }
            let longName = kebabCase(field.name)
            guard !longName.isEmpty, !names.longNames.contains(longName) else {
                diagnostics.emit(
                    .bodyFieldWithoutOption, SourceLocation(page: operation.sourcePage),
                    "\(operation.id): body field `\(field.name)` has no option of its own ("
                        + (longName.isEmpty ? "its name has no letters" : "another option is `--\(longName)`")
                        + "); it is set through --body")
                continue
            }
            let property = names.properties.claim(SwiftNames.unescaped(module.typeMap.spelling.member(field.name)) + "Field")
            var help = SwiftDocComment.normalized(field.description.replacingNewlines())
            let values = field.enumValues ?? shape.values
            if !values.isEmpty { help.appendSentence(SwiftModelBuilder.valuesSentence(values)) }
            if !help.isEmpty, !help.hasSuffix(".") { help += "." }
            help.appendSentence("Sets `\(field.name)` of the body, over --body.")
            options.append(
                OptionContext(
                    attribute: "Option", longName: SwiftNames.literal(names.longNames.claim(longName)),
                    help: SwiftNames.wrappedLiteral(help, column: 14, indent: 8),
                    declaration: "var \(property): \(shape.type)?", completion: completion(values.map(\.value))))
            entries.append("\(SwiftNames.literal(field.name)): \(property)")
        }
        return (options, entries)
    }

    /// The statements that decode the body from `--body` and the field options.
    static func fieldDecode(_ body: BodyContext, entries: [String], required: Bool) -> [String] {
        let function = required ? "decode" : "decodeIfGiven"
        return [
            "let \(body.local) = try RequestBodyArgument.\(function)(",
            "    \(body.model).self, from: \(body.property),",
            "    overriding: [",
        ] + ListItemContext.list(entries).map { "        \($0.text)\($0.separator)" } + ["    ])"]
    }

    /// The option's Swift type for a scalar field (an enum's raw type), with the enum's values; `nil` for
    /// objects, arrays, maps and opaque JSON.
    private static func optionType(of field: Property, module: SwiftModulePlan) -> (type: String, values: [EnumValue])? {
        var enumValues: [EnumValue] = []
        var type = field.type
        if case .named(let name) = type, case .enumeration(let base, let values)? = module.typeMap.namedType(name)?.kind {
            type = base
            enumValues = values
        }
        switch type {
        case .string, .integer, .int64, .number, .boolean: return (module.typeMap.swiftType(type), enumValues)
        default: return nil
        }
    }

    /// `completion: .list([...])` for an option with documented values, so that shells offer them.
    static func completion(_ values: [String]) -> String? {
        guard !values.isEmpty else { return nil }
        let items = values.map(SwiftNames.literal)
        let single = ".list([\(items.joined(separator: ", "))])"
        if 8 + "completion: ".count + single.count + 1 <= SwiftDocComment.lineWidth { return single }
        var lines: [String] = []
        var line = ""
        for item in items {
            if !line.isEmpty, 12 + line.count + item.count + 2 > SwiftDocComment.lineWidth {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + item + ","
        }
        lines.append(String(line.dropLast()))
        return ".list([\n" + lines.map { String(repeating: " ", count: 12) + $0 }.joined(separator: "\n")
            + "\n        ])"
    }
}

/// The template `--generate-skeleton` prints: every field of a body, nested objects included, as compact JSON
/// (strings empty, numbers 0, booleans false, documented string values joined with `|`, one element per array).
enum SwiftBodySkeleton {
    /// Nesting deeper than this is cut to `{}`.
    static let maxDepth = 6

    /// The template of a value of `type`, as JSON with a space after each `,` and `:`.
    static func json(for type: TypeRef, module: SwiftModulePlan) -> String {
        value(type, enumValues: nil, module: module, visiting: [])
    }

    private static func value(
        _ type: TypeRef, enumValues: [EnumValue]?, module: SwiftModulePlan, visiting: [String]
    ) -> String {
        switch type {
        case .string:
            return quoted((enumValues ?? []).map(\.value).joined(separator: "|"))
        case .integer, .int64:
            return enumValues?.first.flatMap { Int64($0.value) }.map(String.init) ?? "0"
        case .number: return "0.0"
        case .boolean: return "false"
        case .any, .map: return "{}"
        case .array(let element):
            return "[" + value(element, enumValues: enumValues, module: module, visiting: visiting) + "]"
        case .named(let name):
            guard !visiting.contains(name), visiting.count < maxDepth else { return "{}" }
            switch module.typeMap.namedType(name)?.kind {
            case .object(let properties)?:
                let members = properties.map { field in
                    quoted(field.name) + ": "
                        + value(field.type, enumValues: field.enumValues, module: module, visiting: visiting + [name])
                }
                return "{" + members.joined(separator: ", ") + "}"
            case .enumeration(let base, let values)?:
                return value(base, enumValues: enumValues ?? values, module: module, visiting: visiting)
            case .alias(let target)?:
                return value(.named(target), enumValues: enumValues, module: module, visiting: visiting + [name])
            case nil:
                return "{}"
            }
        }
    }

    /// `text` as a JSON string.
    private static func quoted(_ text: String) -> String {
        String(decoding: (try? encoder.encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    // One encoder for every string of every skeleton: it holds no per-call state.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return encoder
    }()
}
