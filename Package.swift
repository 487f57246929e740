// swift-tools-version: 6.0
import PackageDescription

/// zhclaims: Chinese news → structured numeric claims (JSON Lines).
///
/// Layout: two thin C shims (`CICUShim`, `CPCRE2Shim`) whose public headers expose no ICU or
/// PCRE2 types; the `ZHClaims` library (one folder per pipeline stage); the `zhclaims` CLI.
/// The built-in rule files in `Rules/` are embedded into the library at build time by the
/// `EmbedRules` plugin, so an installed binary works without the source tree.
let package = Package(
    name: "zhclaims",
    products: [
        .executable(name: "zhclaims", targets: ["zhclaims"]),
        .library(name: "ZHClaims", targets: ["ZHClaims"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // Debian's libicu-dev and libpcre2-dev put their headers in /usr/include; only the shims'
        // .c files include them, so no Swift module ever sees an ICU or PCRE2 type.
        .target(name: "CICUShim",
                linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .target(name: "CPCRE2Shim",
                linkerSettings: [.linkedLibrary("pcre2-8")]),
        .executableTarget(name: "EmbedRulesTool", path: "Plugins/EmbedRulesTool"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        .target(
            name: "ZHClaims",
            dependencies: ["CICUShim", "CPCRE2Shim", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedRules"]
        ),
        .executableTarget(
            name: "zhclaims",
            dependencies: ["ZHClaims", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ZHClaimsTests", dependencies: ["ZHClaims"]),
    ]
)
