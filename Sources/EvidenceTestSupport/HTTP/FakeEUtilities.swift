import Foundation

/// A stand-in for NCBI E-utilities on a `LocalHTTPServer`, serving real-format esearch JSON
/// and efetch XML built from PubMed records, with faults injected on demand.
///
/// Every record matches every query; `mindate`/`maxdate` filter on the record's day. esearch
/// lists ids newest first and returns at most `cap` of them (PubMed's 10,000), as the real
/// service does; `usehistory=y` keeps the full list under a WebEnv for efetch.
public final class FakeEUtilities: @unchecked Sendable {
    /// A record the service holds.
    public struct Record: Sendable, Hashable {
        /// The PMID.
        public var pmid: UInt64
        /// Its date for `mindate`/`maxdate`, `YYYY/MM/DD`.
        public var day: String
        /// Its `PubmedArticle` XML.
        public var xml: String

        /// A record.
        public init(pmid: UInt64, day: String, xml: String) {
            self.pmid = pmid
            self.day = day
            self.xml = xml
        }
    }

    /// A misbehaviour for one request.
    public enum Fault: Sendable, Hashable {
        /// An HTTP error status, with a `Retry-After` header when given.
        case status(Int, retryAfter: String?)
        /// The connection is reset without an answer.
        case reset
        /// The body is cut short of its Content-Length.
        case cutShort
        /// The body is gzip-encoded and cut in half (consistent Content-Length).
        case truncatedGzip
        /// An E-utilities `<ERROR>` (efetch XML or esearch JSON) with status 200.
        case errorBody(String)
        /// A JSON `{"error": …}` body with status 200.
        case jsonError(String)
    }

    /// The HTTP server.
    public let server: LocalHTTPServer
    private let lock = NSLock()
    private var records: [Record]
    private var byPMID: [UInt64: Record]
    private let cap: Int
    private var faults: [(endpoint: String?, fault: Fault)] = []
    private var histories: [String: [UInt64]] = [:]
    private var served: [[UInt64]] = []
    private var terms: [String] = []
    private var gzipBodies = false
    private var withheld: Set<UInt64> = []

    /// Whether efetch bodies are sent gzip-encoded (`Content-Encoding: gzip`).
    public var gzipEFetch: Bool {
        get { lock.lock(); defer { lock.unlock() }; return gzipBodies }
        set { lock.lock(); gzipBodies = newValue; lock.unlock() }
    }

    /// PMIDs esearch lists but efetch leaves out (records in process, as happens on NCBI).
    public var withheldFromEFetch: Set<UInt64> {
        get { lock.lock(); defer { lock.unlock() }; return withheld }
        set { lock.lock(); withheld = newValue; lock.unlock() }
    }

    /// Starts a service holding `records`.
    public init(records: [Record], cap: Int = 10_000) throws {
        self.records = records
        self.byPMID = Dictionary(records.map { ($0.pmid, $0) }, uniquingKeysWith: { first, _ in first })
        self.cap = cap
        let box = HandlerBox()
        server = try LocalHTTPServer { request in box.handle(request) }
        box.service = self
    }

    private final class HandlerBox: @unchecked Sendable {
        weak var service: FakeEUtilities?
        func handle(_ request: LocalHTTPServer.Request) -> LocalHTTPServer.Reply {
            service?.respond(to: request) ?? .response(status: 503, headers: [:], body: Data())
        }
    }

    /// The base URL to give the client.
    public var baseURL: URL { server.baseURL }

    /// Stops the server.
    public func stop() { server.stop() }

    /// Makes the next request to `endpoint` (`esearch.fcgi`, `efetch.fcgi`, nil for any)
    /// misbehave; faults queue up in order.
    public func inject(_ fault: Fault, on endpoint: String? = nil) {
        lock.lock(); defer { lock.unlock() }
        faults.append((endpoint, fault))
    }

    /// Replaces the records (the database changed between two runs).
    public func replaceRecords(_ newRecords: [Record]) {
        lock.lock(); defer { lock.unlock() }
        records = newRecords
        byPMID = Dictionary(newRecords.map { ($0.pmid, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The PMIDs of each successful efetch response, in order.
    public var servedBatches: [[UInt64]] {
        lock.lock(); defer { lock.unlock() }
        return served
    }

    /// Every `term` esearch received.
    public var searchedTerms: [String] {
        lock.lock(); defer { lock.unlock() }
        return terms
    }

    /// Requests to `endpoint` so far.
    public func requests(to endpoint: String) -> [LocalHTTPServer.Request] {
        server.requests.filter { $0.endpoint == endpoint }
    }

    // MARK: - Answers

    private func respond(to request: LocalHTTPServer.Request) -> LocalHTTPServer.Reply {
        lock.lock()
        var fault: Fault?
        if let index = faults.firstIndex(where: { $0.endpoint == nil || $0.endpoint == request.endpoint }) {
            fault = faults.remove(at: index).fault
        }
        lock.unlock()

        switch request.endpoint {
        case "esearch.fcgi":
            return apply(fault, endpoint: request.endpoint) { search(request) }
        case "efetch.fcgi":
            return apply(fault, endpoint: request.endpoint) { fetch(request) }
        default:
            return .response(status: 404, headers: ["Content-Type": "text/plain"], body: Data("not found".utf8))
        }
    }

    private func apply(_ fault: Fault?, endpoint: String, normal: () -> (Data, String, [UInt64]?)) -> LocalHTTPServer.Reply {
        switch fault {
        case .status(let status, let retryAfter)?:
            var headers = ["Content-Type": status == 429 ? "application/json" : "text/html"]
            if let retryAfter { headers["Retry-After"] = retryAfter }
            let body = status == 429
                ? #"{"error":"API rate limit exceeded","api-key":"127.0.0.1","count":"4","limit":"3"}"#
                : "<html><body><h1>\(status) Server Error</h1></body></html>"
            return .response(status: status, headers: headers, body: Data(body.utf8))
        case .reset?:
            return .reset
        case .cutShort?:
            let (body, type, _) = normal()
            return .cutShort(status: 200, headers: ["Content-Type": type], body: body, sentBytes: body.count / 2)
        case .truncatedGzip?:
            let (body, type, _) = normal()
            let gzip = StoredGzip.encode(body)
            return .response(status: 200, headers: ["Content-Type": type, "Content-Encoding": "gzip"], body: gzip.prefix(gzip.count / 2))
        case .errorBody(let message)?:
            if endpoint == "esearch.fcgi" {
                let body = #"{"header":{"type":"esearch","version":"0.3"},"esearchresult":{"ERROR":"\#(message)"}}"#
                return .response(status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
            }
            let body = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!DOCTYPE eFetchResult PUBLIC "-//NLM//DTD efetch 20131226//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd">
            <eFetchResult>
            \t<ERROR>\(message)</ERROR>
            </eFetchResult>

            """
            return .response(status: 200, headers: ["Content-Type": "text/xml"], body: Data(body.utf8))
        case .jsonError(let message)?:
            return .response(status: 200, headers: ["Content-Type": "application/json"], body: Data(#"{"error":"\#(message)"}"#.utf8))
        case nil:
            let (body, type, ids) = normal()
            if let ids {
                lock.lock(); served.append(ids); let gzip = gzipBodies; lock.unlock()
                if gzip {
                    return .response(status: 200, headers: ["Content-Type": type, "Content-Encoding": "gzip"], body: StoredGzip.encode(body))
                }
            }
            return .response(status: 200, headers: ["Content-Type": type], body: Data(body))
        }
    }

    private func search(_ request: LocalHTTPServer.Request) -> (Data, String, [UInt64]?) {
        let p = request.parameters
        lock.lock()
        terms.append(p["term"] ?? "")
        var matches = records
        if let minimum = p["mindate"], let maximum = p["maxdate"] {
            matches = matches.filter { $0.day >= minimum && $0.day <= maximum }
        }
        matches.sort { ($0.day, $0.pmid) > ($1.day, $1.pmid) }
        let ids = matches.map(\.pmid)
        let retstart = Int(p["retstart"] ?? "0") ?? 0
        let retmax = Int(p["retmax"] ?? "20") ?? 20
        var webEnv: String?
        if p["usehistory"] == "y" {
            webEnv = "MCID_fake_\(histories.count + 1)"
            histories[webEnv!] = ids
        }
        lock.unlock()

        if retstart >= cap {
            let body = #"{"header":{"type":"esearch","version":"0.3"},"esearchresult":{"ERROR":"Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, ESearch can only retrieve the first 9,999 records matching the query."}}"#
            return (Data(body.utf8), "application/json", nil)
        }
        let end = min(ids.count, retstart + retmax, cap)
        let page = retstart < end ? Array(ids[retstart..<end]) : []
        var result: [String: Any] = [
            "count": String(ids.count),
            "retmax": String(page.count),
            "retstart": String(retstart),
            "idlist": page.map(String.init),
            "translationset": [] as [Any],
            "querytranslation": p["term"] ?? "",
        ]
        if let webEnv {
            result["querykey"] = "1"
            result["webenv"] = webEnv
        }
        let object: [String: Any] = ["header": ["type": "esearch", "version": "0.3"], "esearchresult": result]
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return (body, "application/json; charset=UTF-8", nil)
    }

    private func fetch(_ request: LocalHTTPServer.Request) -> (Data, String, [UInt64]?) {
        let p = request.parameters
        var chosen: [Record] = []
        lock.lock()
        if let webEnv = p["WebEnv"] {
            guard let list = histories[webEnv], p["query_key"] == "1" else {
                lock.unlock()
                let body = """
                <?xml version="1.0" encoding="UTF-8" ?>
                <eFetchResult>
                \t<ERROR>Unable to obtain query #\(p["query_key"] ?? "?")</ERROR>
                </eFetchResult>
                """
                return (Data(body.utf8), "text/xml", nil)
            }
            let retstart = Int(p["retstart"] ?? "0") ?? 0
            let retmax = Int(p["retmax"] ?? "20") ?? 20
            let end = min(list.count, retstart + retmax)
            if retstart < end { chosen = list[retstart..<end].compactMap { byPMID[$0] } }
        } else if let ids = p["id"] {
            chosen = ids.split(separator: ",").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }.compactMap { byPMID[$0] }
        }
        chosen.removeAll { withheld.contains($0.pmid) }
        lock.unlock()
        var body = """
        <?xml version="1.0" ?>
        <!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
        <PubmedArticleSet>

        """
        for record in chosen { body += record.xml + "\n" }
        body += "</PubmedArticleSet>\n"
        return (Data(body.utf8), "text/xml; charset=UTF-8", chosen.map(\.pmid))
    }

    /// Records from PubMed XML chunks, dated one every `spacing` days from `start` (`YYYY/MM/DD`)
    /// in the given order.
    public static func records(from chunks: [PubMedXMLChunk], startingAt start: (year: Int, month: Int, day: Int) = (2019, 1, 1), spacing: Int = 1) -> [Record] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let origin = calendar.date(from: DateComponents(year: start.year, month: start.month, day: start.day))!
        return chunks.enumerated().map { index, chunk in
            let date = calendar.date(byAdding: .day, value: index * spacing, to: origin)!
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let day = String(format: "%04d/%02d/%02d", parts.year!, parts.month!, parts.day!)
            return Record(pmid: chunk.pmid, day: day, xml: chunk.xml)
        }
    }
}
