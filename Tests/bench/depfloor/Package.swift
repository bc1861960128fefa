// swift-tools-version:6.0
// The benchmark's second floor (see main.swift), a package of its own so that hubsite's
// package never builds it. Built by Tests/bench/run.py.
import PackageDescription

let package = Package(
    name: "depfloor",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CCmarkFloor", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .executableTarget(name: "depfloor", dependencies: [
            "CCmarkFloor", "Yams", .product(name: "Mustache", package: "swift-mustache"),
        ]),
    ]
)
