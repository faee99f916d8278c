import Claims
import EvidenceTestSupport
import Foundation
import Testing

/// Headless Chromium, gated like ../shared data: under CI=true a missing browser fails.
enum Chromium {
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    static var path: String? { candidates.first { FileManager.default.isExecutableFile(atPath: $0) } }
    static var isAvailable: Bool { SharedData.isCI || path != nil }

    /// Runs the browser headless with `arguments`; returns standard output.
    static func run(_ arguments: [String]) throws -> String {
        guard let path else { throw ChromiumMissing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(FileManager.default.temporaryDirectory.path)/chromium-\(UUID().uuidString)"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Chromium is needed (CI=true) but not installed.
struct ChromiumMissing: Error, CustomStringConvertible {
    var description: String { "chromium is not installed (Debian package 'chromium'; scripts/install-deps.sh installs it)" }
}

@Suite("The HTML report")
struct HTMLReportRendererTests {
    @Test("the page is self-contained and escapes article text")
    func selfContained() throws {
        let (report, check) = try CheckReportTests.report()
        let html = HTMLReportRenderer.render(check, report: report)
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<link "))
        #expect(html.contains("<mark class=\"v-"))
        #expect(HTMLReportRenderer.escape("<b>\"x\" & 'y'</b>") == "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;")
    }

    @Test("it renders in headless Chromium with the claims and citations", .enabled(if: Chromium.isAvailable))
    func rendersInChromium() throws {
        let (report, check) = try CheckReportTests.report()
        let directory = try TemporaryDirectory(prefix: "claims-html")
        defer { directory.remove() }
        let page = directory.path("report.html")
        try HTMLReportRenderer.render(check, report: report).write(toFile: page, atomically: true, encoding: .utf8)
        let screenshot = directory.path("report.png")
        _ = try Chromium.run(["--screenshot=\(screenshot)", "--window-size=1280,2000", "file://\(page)"])
        let size = (try? FileManager.default.attributesOfItem(atPath: screenshot)[.size] as? Int) ?? 0
        #expect(size > 10_000, "a screenshot was taken")
        let dom = try Chromium.run(["--dump-dom", "file://\(page)"])
        let checkable = report.claims.filter { $0.verdict != Verdict.notCheckable.rawValue }
        #expect(!checkable.isEmpty)
        for claim in checkable {
            #expect(dom.contains("id=\"\(claim.id)\""), "claim \(claim.id) is on the page")
        }
        let cited = report.claims.flatMap(\.citations).map(\.pmid)
        #expect(!cited.isEmpty)
        for pmid in Set(cited) {
            #expect(dom.contains("https://pubmed.ncbi.nlm.nih.gov/\(pmid)/"), "PMID \(pmid) links to PubMed")
        }
        #expect(dom.contains("class=\"badge v-"))
    }
}
