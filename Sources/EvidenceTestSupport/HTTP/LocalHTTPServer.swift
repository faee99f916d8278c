import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for tests, on POSIX sockets.
///
/// It listens on an ephemeral port, reads one request per connection, asks the handler what
/// to do, does it (including misbehaving: resetting the connection, cutting a body short),
/// and closes the connection. Every request is logged with its arrival time on the monotonic
/// clock, so tests can check request rates as the server saw them.
public final class LocalHTTPServer: @unchecked Sendable {
    /// A received request.
    public struct Request: Sendable {
        /// `GET` or `POST`.
        public var method: String
        /// The path without the query (`/esearch.fcgi`).
        public var path: String
        /// Query and form parameters, merged (form wins).
        public var parameters: [String: String]
        /// Header fields, names lower-cased.
        public var headers: [String: String]
        /// When the connection carrying the request was accepted, in seconds on the monotonic
        /// clock (one request per connection, so this is when the client sent it).
        public var receivedAt: Double

        /// The last path component (`esearch.fcgi`).
        public var endpoint: String { path.split(separator: "/").last.map(String.init) ?? "" }
    }

    /// What the server does with a request.
    public enum Reply: Sendable {
        /// A normal response.
        case response(status: Int, headers: [String: String], body: Data)
        /// Sends the headers (with the full body's Content-Length) and only `sentBytes` of the
        /// body, then closes.
        case cutShort(status: Int, headers: [String: String], body: Data, sentBytes: Int)
        /// Resets the connection (RST) without answering.
        case reset
    }

    /// The port the server listens on.
    public let port: Int
    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let lock = NSLock()
    private var log: [Request] = []
    private var stopped = false
    private let group = DispatchGroup()

    /// Starts a server calling `handler` for each request.
    public init(handler: @escaping @Sendable (Request) -> Reply) throws {
        self.handler = handler
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ServerError(message: "socket() failed: \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(0).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw ServerError(message: "bind/listen failed: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:<port>/`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// Every request received so far, in arrival order.
    public var requests: [Request] {
        lock.lock(); defer { lock.unlock() }
        return log
    }

    /// Stops listening and waits for open connections to finish.
    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        _ = group.wait(timeout: .now() + 5)
    }

    /// The most requests that arrived within any window of `seconds` (optionally only those
    /// `matching`).
    public func maxRequests(inAnyWindowOf seconds: Double, matching: (Request) -> Bool = { _ in true }) -> Int {
        let times = requests.filter(matching).map(\.receivedAt).sorted()
        var best = 0
        var start = 0
        for end in times.indices {
            while times[end] - times[start] >= seconds { start += 1 }
            best = max(best, end - start + 1)
        }
        return best
    }

    // MARK: - Connections

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                lock.lock(); let done = stopped; lock.unlock()
                if done { return }
                if errno == EINTR { continue }
                return
            }
            let acceptedAt = Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                serve(client, acceptedAt: acceptedAt)
            }
            thread.start()
        }
    }

    private func serve(_ client: Int32, acceptedAt: Double) {
        var closed = false
        defer { if !closed { close(client) } }
        guard var request = readRequest(client) else { return }
        request.receivedAt = acceptedAt
        lock.lock(); log.append(request); lock.unlock()
        switch handler(request) {
        case .response(let status, let headers, let body):
            write(client, head(status: status, headers: headers, contentLength: body.count) + body)
        case .cutShort(let status, let headers, let body, let sentBytes):
            write(client, head(status: status, headers: headers, contentLength: body.count) + body.prefix(max(0, min(sentBytes, body.count))))
        case .reset:
            // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
            var lingerOption = linger(l_onoff: 1, l_linger: 0)
            setsockopt(client, SOL_SOCKET, SO_LINGER, &lingerOption, socklen_t(MemoryLayout<linger>.size))
            close(client)
            closed = true
        }
    }

    private func readRequest(_ client: Int32) -> Request? {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while headerEnd == nil {
            let count = recv(client, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            if buffer.count >= 4 {
                for index in max(0, buffer.count - count - 3)...(buffer.count - 4) where Array(buffer[index..<(index + 4)]) == separator {
                    headerEnd = index
                    break
                }
            }
            if buffer.count > 1 << 20 { return nil }
        }
        let headText = String(decoding: buffer[0..<headerEnd!], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(buffer[(headerEnd! + 4)...])
        let expected = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < expected {
            let count = recv(client, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            body.append(contentsOf: chunk[0..<count])
        }
        let target = String(requestLine[1])
        let pathPart = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        var parameters = Self.parseForm(target.contains("?") ? String(target.split(separator: "?", maxSplits: 1)[1]) : "")
        if headers["content-type"]?.hasPrefix("application/x-www-form-urlencoded") == true {
            parameters.merge(Self.parseForm(String(decoding: body, as: UTF8.self))) { _, form in form }
        }
        return Request(
            method: String(requestLine[0]),
            path: pathPart,
            parameters: parameters,
            headers: headers,
            receivedAt: Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
        )
    }

    private static func parseForm(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ value: Substring) -> String {
                String(value).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(value)
            }
            result[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return result
    }

    private func head(status: Int, headers: [String: String], contentLength: Int) -> Data {
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        var fields = headers
        fields["Content-Length"] = fields["Content-Length"] ?? String(contentLength)
        fields["Connection"] = "close"
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            text += "\(name): \(value)\r\n"
        }
        return Data((text + "\r\n").utf8)
    }

    private func write(_ client: Int32, _ data: Data) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                #if os(Linux)
                let sent = send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let sent = send(client, raw.baseAddress! + offset, raw.count - offset, 0)
                #endif
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

/// The server could not start.
public struct ServerError: Error, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    public var description: String { message }
}

