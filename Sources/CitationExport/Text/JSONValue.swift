/// A JSON value whose objects keep their keys in insertion order, for stable, readable output.
public enum JSONValue: Hashable, Sendable {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])
    case null

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// The JSON text, pretty-printed with two-space indentation; `/` is not escaped.
    public func serialized(indent: Int = 0) -> String {
        var output = ""
        write(to: &output, indent: indent)
        return output
    }

    func write(to output: inout String, indent: Int) {
        switch self {
        case .string(let text): JSONValue.writeString(text, to: &output)
        case .int(let number): output += String(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let values):
            if values.isEmpty { output += "[]"; return }
            if values.allSatisfy({ if case .int = $0 { return true } else { return false } }) {
                output += "[" + values.map { $0.serialized() }.joined(separator: ", ") + "]"
                return
            }
            output += "[\n"
            for (index, value) in values.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                value.write(to: &output, indent: indent + 2)
                output += index == values.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            output += "{\n"
            for (index, (key, value)) in members.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                JSONValue.writeString(key, to: &output)
                output += ": "
                value.write(to: &output, indent: indent + 2)
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        // Fast path: nothing to escape (no control bytes, quotes, backslashes or U+2028/9 lead byte).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            output += text
            output += "\""
            return
        }
        // Runs of bytes that need no escape are appended whole; every split point is an ASCII
        // byte or the lead byte of U+2028/9, so each run is whole scalars.
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let escape: String
            var next = utf8.index(after: index)
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x00..<0x20:
                escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            case 0xE2:
                // U+2028 is E2 80 A8, U+2029 is E2 80 A9.
                guard next != utf8.endIndex, utf8[next] == 0x80 else { index = next; continue }
                let third = utf8.index(after: next)
                guard third != utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 else { index = next; continue }
                escape = utf8[third] == 0xA8 ? "\\u2028" : "\\u2029"
                next = utf8.index(after: third)
            default:
                index = next
                continue
            }
            output.append(contentsOf: Substring(utf8[runStart..<index]))
            output += escape
            index = next
            runStart = next
        }
        output.append(contentsOf: Substring(utf8[runStart..<utf8.endIndex]))
        output += "\""
    }
}
