import Foundation

/// Where and how the client talks to E-utilities.
///
/// NCBI asks every client to name itself (`tool`, `email`) and allows 3 requests a second
/// without an API key and 10 with one.
public struct EUtilitiesConfiguration: Sendable {
    /// NCBI's E-utilities endpoint.
    public static let defaultBaseURL = URL(string: "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/")!

    /// The folder holding `esearch.fcgi` and `efetch.fcgi` (a mirror or a test server).
    public var baseURL: URL
    /// The NCBI API key (`api_key`), raising the rate limit to 10 requests a second.
    public var apiKey: String?
    /// A contact address sent as `email`.
    public var email: String?
    /// The tool name sent as `tool`.
    public var tool: String
    /// The Entrez database.
    public var database: String
    /// Seconds before a request times out.
    public var timeout: TimeInterval
    /// How failed requests are retried.
    public var retry: RetryPolicy

    /// A configuration; `apiKey` and `email` are dropped when blank.
    public init(
        baseURL: URL = EUtilitiesConfiguration.defaultBaseURL,
        apiKey: String? = nil,
        email: String? = nil,
        tool: String = "evidence",
        database: String = "pubmed",
        timeout: TimeInterval = 120,
        retry: RetryPolicy = RetryPolicy()
    ) {
        self.baseURL = baseURL.absoluteString.hasSuffix("/") ? baseURL : baseURL.appendingPathComponent("")
        self.apiKey = apiKey.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        self.email = email.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        self.tool = tool
        self.database = database
        self.timeout = timeout
        self.retry = retry
    }

    /// NCBI's limit for this configuration: 10 requests a second with a key, 3 without.
    public var requestsPerSecond: Int { apiKey == nil ? 3 : 10 }
}
