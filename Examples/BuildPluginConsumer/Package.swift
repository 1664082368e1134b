// swift-tools-version: 6.1
// A user's package that commits no generated code: the build plugin turns the EVS schema in its target
// (Sources/BuildPluginConsumer/evs.apiref.json, a symlink to the repository's spec/evs.json) into Swift at build time,
// only the operation it calls and the models that one needs (evs.apiref-config.json lists it).
import PackageDescription

let package = Package(
    name: "BuildPluginConsumer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "apiref", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "BuildPluginConsumer",
            // The generated code imports CloudCore, the runtime; the EVS types are compiled into this target.
            dependencies: [.product(name: "CloudCore", package: "apiref")],
            plugins: [.plugin(name: "GenerateSDKBuildPlugin", package: "apiref")]
        )
    ]
)
