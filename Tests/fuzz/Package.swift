// swift-tools-version:6.0
// The fuzzers, as a package of their own: they are built only with `--sanitize=fuzzer`, whose
// runtime supplies `main`, so they must stay out of the main package's ordinary builds.
import PackageDescription

let package = Package(
    name: "hubsite-fuzz",
    dependencies: [.package(name: "hubsite", path: "../..")],
    targets: [
        .executableTarget(
            name: "hubsite-fuzz",
            dependencies: [.product(name: "HubSite", package: "hubsite")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
