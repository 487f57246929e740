// swift-tools-version: 6.0
import PackageDescription

/// zhclaims: Chinese news → structured numeric claims (JSON Lines).
///
/// Layout: three thin C shims (`CICUShim`, `CPCRE2Shim`, `CXMLShim`) whose public headers expose
/// no ICU, PCRE2 or libxml2 types; the `ZHClaims` library (one folder per pipeline stage); the
/// `zhclaims` CLI; the `ZHClaimsFuzz` libFuzzer target.
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
        // libxml2 (Debian libxml2-dev) keeps its headers in /usr/include/libxml2: the system-library
        // target CLibXML2 finds them with pkg-config, and only the CXMLShim C target depends on it,
        // so only zc_xml.c includes a libxml2 header.
        .systemLibrary(name: "CLibXML2", path: "Sources/CXMLShim/system", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .target(name: "CXMLShim", dependencies: ["CLibXML2"], exclude: ["system"]),
        .executableTarget(name: "EmbedRulesTool", path: "Plugins/EmbedRulesTool"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        .target(
            name: "ZHClaims",
            dependencies: ["CICUShim", "CPCRE2Shim", "CXMLShim", .product(name: "Yams", package: "Yams")],
            // Core code stays off Foundation: without this, Foundation's String extensions leak in
            // through Yams (which imports it) and replace the standard library's on hot paths.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")],
            plugins: ["EmbedRules"]
        ),
        .executableTarget(
            name: "zhclaims",
            dependencies: ["ZHClaims", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // libFuzzer target over document bytes → claims; `Scripts/fuzz.sh` builds it with
        // -sanitize=fuzzer. A plain build makes it a replay tool (`ZHClaimsFuzz FILE…`).
        .executableTarget(name: "ZHClaimsFuzz", dependencies: ["ZHClaims"]),
        .testTarget(name: "ZHClaimsTests", dependencies: ["ZHClaims", "ZHClaimsFuzz"]),
    ]
)
