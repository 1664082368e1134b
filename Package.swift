// swift-tools-version: 6.1
// The pipeline, folder by folder:
//   Sources/DocReader (HTML → DocPage) → Sources/SchemaBuilder (DocPage → APISchema)
//   → Sources/OpenAPIEmitter, Sources/SwiftEmitter (APISchema → spec/, Generated/)
//   → Generated/<Service> compiled against Sources/CloudCore (the runtime).
//   Both ends read JSON into the one value type of Sources/JSONValues.
import PackageDescription

/// Every service the generator emits: a library product compiled from `Generated/<Service>`, and the service's
/// commands (`otc modelarts …`) compiled as a library from `Generated/<Service>CLI`, which the one executable `otc`
/// links (every service's, listed in the generated `Generated/OTCServices`). `swift run apiref generate` writes this
/// list from `spec/services.json` (adding a service is one entry there and a regeneration; `apiref check` fails
/// when it is out of date). It is written here rather than read from the file because SwiftPM caches the
/// manifest's evaluation by its text.
// services: generated from spec/services.json
let services = [
    "ModelArts", "ECS", "VPC", "EVS", "IAM", "AS", "CES", "NAT", "DCS", "DMS", "KMS", "SMN", "CTS", "APIG", "CBR",
    "SWR", "FunctionGraph", "LTS", "SFS", "VPCEP", "DDS", "VPN", "EIP", "ER", "TMS", "BMS", "DWS", "MRS", "CSS",
    "TaurusDB", "GeminiDB", "DLI", "WAFD", "HSS",
]
// end of services

let package = Package(
    name: "apiref",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "apiref", targets: ["apiref"]),
        .library(name: "CloudCore", targets: ["CloudCore"]),
        .plugin(name: "GenerateSDKCommand", targets: ["GenerateSDKCommand"]),
        .plugin(name: "GenerateSDKBuildPlugin", targets: ["GenerateSDKBuildPlugin"]),
        // The command-line client of every service: `otc <service> <operation> [options]`.
        .executable(name: "otc", targets: ["otc"]),
    ] + services.map { .library(name: $0, targets: [$0]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.1.0"),
        // `swift package generate-documentation --target CloudCore` (Sources/CloudCore/CloudCore.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.24.0"),
        // CloudHTTPClient runs in an application's ServiceGroup.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        // The OpenAPI 3.1 model the export is built with and validated by. Its default trait, ExternalLoading
        // (resolving references into other files, with Swift concurrency), is off: the export refers only to itself.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
    ],
    targets: [
        // MARK: Generator: front-end → schema → emitters
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "DocReader", dependencies: ["CLibXML2"]),
        // The one JSON value type, with its strict parser: the generator's examples and the runtime's untyped fields.
        .target(name: "JSONValues"),
        .target(name: "APISchema", dependencies: ["JSONValues"]),
        .target(name: "SchemaBuilder", dependencies: ["DocReader", "APISchema"]),
        .target(
            name: "OpenAPIEmitter", dependencies: ["APISchema", .product(name: "OpenAPIKit", package: "OpenAPIKit")]),
        .target(name: "SchemaDiff", dependencies: ["APISchema"]),
        .target(
            name: "SwiftEmitter",
            dependencies: ["APISchema", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The subcommands both executables share: generate, check, diff, report, openapi, generate-swift.
        .target(
            name: "APIRefCommands",
            dependencies: [
                "DocReader", "APISchema", "SchemaBuilder", "OpenAPIEmitter", "SwiftEmitter", "SchemaDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `apiref`: every subcommand, and `fetch`, which mirrors the published pages (so it links the HTTP client).
        .executableTarget(
            name: "apiref",
            dependencies: [
                "APIRefCommands", "APISchema", "DocsMirror",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the plugins run (generate, generate-swift): SwiftPM builds a plugin's tool again for the host, and
        // this one links no HTTP client or NIO.
        .executableTarget(
            name: "apiref-generate",
            dependencies: ["APIRefCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `apiref fetch`: mirrors a documentation site into a docs folder (conditional requests, retries, all or
        // nothing).
        .target(
            name: "DocsMirror",
            dependencies: [
                "APISchema", "CloudCore", "CPathExchange", .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // Swapping two folders in one step (renameat2 / renamex_np), which Swift cannot call directly on Linux.
        .target(name: "CPathExchange"),

        // MARK: Plugins: `swift package generate-sdk`, and spec → Swift at build time for consumers
        .plugin(
            name: "GenerateSDKCommand",
            capability: .command(
                intent: .custom(
                    verb: "generate-sdk",
                    description: "Regenerate spec/ and Generated/ from the API reference pages (apiref generate)"),
                permissions: [
                    .writeToPackageDirectory(reason: "Rewrites spec/ and Generated/<Service>/ with the generated SDK")
                ]),
            dependencies: ["apiref-generate"]
        ),
        .plugin(name: "GenerateSDKBuildPlugin", capability: .buildTool(), dependencies: ["apiref-generate"]),

        // MARK: Runtime
        .target(
            name: "CloudCore",
            dependencies: [
                "JSONValues",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        // What every generated command shares: connection options, `--body` decoding, output, exit codes, and how
        // `otc` runs a command line.
        .target(
            name: "CloudCLI",
            dependencies: ["CloudCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The services' command groups, as `spec/services.json` lists them (generated).
        .target(
            name: "OTCServices",
            dependencies: services.map { .target(name: "\($0)CLI") } + [
                "CloudCLI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Generated/OTCServices"),
        // `otc`: the one command-line client, `otc <service> <operation> [options]`.
        .executableTarget(
            name: "otc",
            dependencies: ["OTCServices", "CloudCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: Benchmarks (figures printed as ratios against a baseline measured in the same run)
        .executableTarget(
            name: "Benchmarks",
            dependencies: [
                "DocReader", "SchemaBuilder", "OpenAPIEmitter", "CloudCore", "CLibXML2",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // MARK: Tests
        // What several test targets share: running blocking and CPU-bound work off the cooperative pool, child
        // processes, and an HTTP server on 127.0.0.1.
        .target(
            name: "TestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"),
        .testTarget(name: "DocReaderTests", dependencies: ["DocReader"]),
        .testTarget(name: "JSONValuesTests", dependencies: ["JSONValues"]),
        .testTarget(name: "SchemaBuilderTests", dependencies: ["SchemaBuilder", "DocReader", "APISchema", "TestSupport"]),
        .testTarget(
            name: "EmitterTests",
            dependencies: [
                "OpenAPIEmitter", "SwiftEmitter", "APISchema", "TestSupport",
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            ],
            exclude: ["Fixtures"]
        ),
        // The pages' JSON examples as decode-then-encode closures, one file per service: generated test scaffolding
        // that no product ships.
        .target(
            name: "ExampleRoundTrips", dependencies: services.map { .target(name: $0) },
            path: "Generated/ExampleRoundTrips"),
        .testTarget(
            name: "GeneratedSDKTests",
            dependencies: services.map { .target(name: $0) } + ["ExampleRoundTrips", "APISchema", "CloudCore", "TestSupport"]),
        .testTarget(
            name: "CloudCoreTests",
            dependencies: [
                "CloudCore", "TestSupport",
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "CloudCLITests",
            dependencies: [
                "CloudCLI", "CloudCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .testTarget(
            name: "SchemaDiffTests",
            dependencies: ["SchemaDiff", "SchemaBuilder", "DocReader", "APISchema", "SwiftEmitter", "CloudCore", "TestSupport"],
            exclude: ["Fixtures"]),
        // End to end: the SDK and `otc` against Tools/loopback_cloud.py (official signer, documented examples,
        // injected faults). `otc` is run as a built product, not linked.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "ModelArts", "ECS", "IAM", "CloudCore", "APISchema", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "DocsMirrorTests", dependencies: ["DocsMirror", "CloudCore", "TestSupport"]),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "DocReader", "SchemaBuilder", "APISchema", "OpenAPIEmitter", "SwiftEmitter", "TestSupport",
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            ]
        ),
    ]
        + services.map { .target(name: $0, dependencies: ["CloudCore"], path: "Generated/\($0)") }
        + services.map {
            .target(
                name: "\($0)CLI",
                dependencies: [
                    .target(name: $0), "CloudCore", "CloudCLI",
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                ],
                path: "Generated/\($0)CLI")
        }
)
