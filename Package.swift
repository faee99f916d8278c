// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "evidence",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "evidence", targets: ["evidence"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // System libraries, reached through small C shims.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // An FTS5 tokenizer that folds the letters unicode61 keeps (Ø, ł, ı, ß…).
        .target(
            name: "CFoldTokenizer",
            dependencies: ["CSQLite"]
        ),

        // The PubMed record model and its streaming libxml2 parser.
        .target(
            name: "PubMed",
            dependencies: ["CLibXML2"]
        ),
        // Schema, migrations, ingest, query language and search.
        .target(
            name: "EvidenceStore",
            dependencies: [
                "PubMed", "CSQLite", "CZlib", "CFoldTokenizer",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Claim extraction, evidence linking, verdicts and the review ledger.
        .target(
            name: "Claims",
            dependencies: ["PubMed", "EvidenceStore"]
        ),
        // RIS, BibTeX, CSL-JSON, MEDLINE, CSV and Markdown reference lists.
        .target(
            name: "CitationExport",
            dependencies: ["PubMed", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The E-utilities client: esearch/efetch with rate limits, retries and resume.
        .target(
            name: "EUtilities",
            dependencies: ["CZlib"]
        ),
        // Every command, in a library that tests call in process.
        .target(
            name: "EvidenceCommands",
            dependencies: [
                "PubMed", "EvidenceStore", "Claims", "CitationExport", "EUtilities",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "evidence",
            dependencies: ["EvidenceCommands"]
        ),

        // Paths to ../shared and other helpers the tests share.
        .target(
            name: "EvidenceTestSupport",
            dependencies: ["PubMed"],
            path: "Sources/EvidenceTestSupport"
        ),
        .testTarget(
            name: "PubMedTests",
            dependencies: ["PubMed", "EvidenceTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EvidenceStoreTests",
            dependencies: ["EvidenceStore", "PubMed", "EvidenceTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ClaimsTests",
            dependencies: ["Claims", "EvidenceStore", "PubMed", "EvidenceTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CitationExportTests",
            dependencies: ["CitationExport", "PubMed", "EvidenceTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EUtilitiesTests",
            dependencies: ["EUtilities", "EvidenceTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EvidenceCommandsTests",
            dependencies: ["EvidenceCommands", "EvidenceStore", "PubMed", "EUtilities", "EvidenceTestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
