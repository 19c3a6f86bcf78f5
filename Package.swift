// swift-tools-version: 6.2
import PackageDescription

/// pubgate: pre-publication review of government web content.
/// C code lives in system-library targets; all unsafe Swift lives in the `*Kit` wrappers. Every
/// target, the tests' too, is compiled with strict memory safety: in a Kit every `unsafe` is
/// visible in review, outside them an unsafe construct is a warning (the tests say `unsafe` nowhere:
/// their iconv oracle and file helpers call the Kits).
///
/// `PUBGATE_WARNINGS_AS_ERRORS=1` (set by Scripts/test.sh, so by CI) makes every warning of the
/// project's own targets an error; the packages it depends on keep their own settings.
let ownSettings: [SwiftSetting] =
    Context.environment["PUBGATE_WARNINGS_AS_ERRORS"] == "1" ? [.treatAllWarnings(as: .error)] : []
let interopSettings: [SwiftSetting] = [.strictMemorySafety()] + ownSettings

let package = Package(
    name: "pubgate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pubgate", targets: ["pubgate"]),
        .library(name: "PubGateCore", targets: ["PubGateCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2", pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CLibArchive", pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(
            name: "CVectorscan", pkgConfig: "libhs",
            providers: [.apt(["libvectorscan-dev"])]),
        .systemLibrary(
            name: "CICU", pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"])]),
        .systemLibrary(
            name: "CCMarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "COpenCC", pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"])]),
        .target(name: "PCRE2Kit", dependencies: ["CPCRE2"], swiftSettings: interopSettings),
        .target(name: "BytesKit", swiftSettings: interopSettings),
        .target(name: "VectorscanKit", dependencies: ["CVectorscan"], swiftSettings: interopSettings),
        .target(name: "XMLKit", dependencies: ["CLibXML2"], swiftSettings: interopSettings),
        .target(name: "EncodingKit", swiftSettings: interopSettings),
        .target(name: "POSIXKit", swiftSettings: interopSettings),
        .target(name: "ArchiveKit", dependencies: ["CLibArchive"], swiftSettings: interopSettings),
        .target(name: "ICUKit", dependencies: ["CICU"], swiftSettings: interopSettings),
        .target(name: "CommonMarkKit", dependencies: ["CCMarkGFM"], swiftSettings: interopSettings),
        .target(name: "OpenCCKit", dependencies: ["COpenCC"], swiftSettings: interopSettings),
        .target(
            name: "PubGateCore",
            dependencies: [
                "PCRE2Kit", "BytesKit", "VectorscanKit", "XMLKit", "EncodingKit", "ArchiveKit", "ICUKit", "CommonMarkKit",
                "OpenCCKit", "POSIXKit",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ], swiftSettings: interopSettings),
        .executableTarget(
            name: "pubgate",
            dependencies: [
                "PubGateCore", "ArchiveKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: interopSettings),
        // The tests' shared helpers (the seeded random generator).
        .target(name: "TestSupport", dependencies: ["EncodingKit", "POSIXKit"], path: "Tests/TestSupport", swiftSettings: interopSettings),
        .testTarget(name: "PCRE2KitTests", dependencies: ["PCRE2Kit"], swiftSettings: interopSettings),
        .testTarget(name: "BytesKitTests", dependencies: ["BytesKit"], swiftSettings: interopSettings),
        .testTarget(name: "VectorscanKitTests", dependencies: ["VectorscanKit"], swiftSettings: interopSettings),
        .testTarget(name: "XMLKitTests", dependencies: ["XMLKit"], swiftSettings: interopSettings),
        .testTarget(name: "EncodingKitTests", dependencies: ["EncodingKit", "TestSupport"], swiftSettings: interopSettings),
        .testTarget(name: "ArchiveKitTests", dependencies: ["ArchiveKit"], swiftSettings: interopSettings),
        .testTarget(name: "ICUKitTests", dependencies: ["ICUKit"], swiftSettings: interopSettings),
        .testTarget(name: "CommonMarkKitTests", dependencies: ["CommonMarkKit"], swiftSettings: interopSettings),
        .testTarget(name: "OpenCCKitTests", dependencies: ["OpenCCKit"], swiftSettings: interopSettings),
        .testTarget(name: "PubGateCoreTests", dependencies: ["PubGateCore", "TestSupport"], swiftSettings: interopSettings),
        .testTarget(name: "PubGateCLITests", dependencies: ["pubgate", "TestSupport"], swiftSettings: interopSettings),
    ],
    swiftLanguageModes: [.v6]
)
