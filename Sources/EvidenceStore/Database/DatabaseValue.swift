import CSQLite
import Foundation
import PubMed

/// A value SQLite stores: NULL, an integer, a real, text or a blob.
public enum DatabaseValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

/// A Swift value that can be bound to a statement parameter.
///
/// `Int`, `Int64`, `Int32`, `Bool` (0/1), `Double`, `String`, `Data`, `PMID`,
/// `DatabaseValue` and optionals of them (`nil` binds NULL) conform.
public protocol DatabaseBindable {
    /// The value to bind.
    var databaseValue: DatabaseValue { get }
}

extension Int: DatabaseBindable {
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
}

extension Int64: DatabaseBindable {
    public var databaseValue: DatabaseValue { .integer(self) }
}

extension Int32: DatabaseBindable {
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
}

extension Bool: DatabaseBindable {
    public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
}

extension Double: DatabaseBindable {
    public var databaseValue: DatabaseValue { .real(self) }
}

extension String: DatabaseBindable {
    public var databaseValue: DatabaseValue { .text(self) }
}

extension Substring: DatabaseBindable {
    public var databaseValue: DatabaseValue { .text(String(self)) }
}

extension Data: DatabaseBindable {
    public var databaseValue: DatabaseValue { .blob(self) }
}

extension PMID: DatabaseBindable {
    public var databaseValue: DatabaseValue { .integer(value) }
}

extension DatabaseValue: DatabaseBindable {
    public var databaseValue: DatabaseValue { self }
}

extension Optional: DatabaseBindable where Wrapped: DatabaseBindable {
    public var databaseValue: DatabaseValue {
        switch self {
        case .none: return .null
        case .some(let value): return value.databaseValue
        }
    }
}
