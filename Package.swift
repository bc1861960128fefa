// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hubsite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hubsite", targets: ["hubsite"]),
        .library(name: "HubSite", targets: ["HubSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // cmark, the CommonMark reference implementation, from Debian's libcmark-dev.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Swapping two folders in one step (renameat2 on Linux), which Swift's Glibc does not expose.
        .target(name: "CFileSwap"),
        // The whole pipeline (its stages are listed once, at SiteBuilder.run). No printing, no exit().
        .target(
            name: "HubSite",
            dependencies: [
                "CCmark",
                "CFileSwap",
                "Yams",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `hubsite serve`: the same pipeline, built in memory and served with live reload.
        .target(
            name: "HubSitePreview",
            dependencies: [
                "HubSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // `hubsite check --external`: fetches every distinct web address the site links to.
        .target(
            name: "HubSiteExternal",
            dependencies: [
                "HubSite",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The command line: parses arguments, calls the library, prints, sets the exit code.
        .executableTarget(
            name: "hubsite",
            dependencies: [
                "HubSite",
                "HubSitePreview",
                "HubSiteExternal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HubSiteTests",
            dependencies: [
                "HubSite", "HubSitePreview", "HubSiteExternal", "hubsite",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
    ]
)
