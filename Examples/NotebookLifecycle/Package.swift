// swift-tools-version: 6.1
// A user's package: it depends on the SDK by path, as an application would by URL.
import PackageDescription

let package = Package(
    name: "NotebookLifecycle",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "apiref", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "NotebookLifecycle",
            dependencies: [
                // The runtime (regions, configuration, errors) comes with it: no CloudCore product, no import.
                .product(name: "ModelArts", package: "apiref")
            ]
        )
    ]
)
