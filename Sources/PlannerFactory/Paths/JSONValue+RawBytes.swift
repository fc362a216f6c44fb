import PlannerKit

extension JSONValue {
    /// This value as the factory's JSON output gives it: every string that holds a path's raw
    /// bytes (`PathBytes`) shows U+FFFD in their place, and an object member `name` holding such
    /// a string gets a sibling `nameBytes` with the exact bytes in base64 (so `path` has
    /// `pathBytes`). Members of plain UTF-8 are as they were, and get no sibling.
    ///
    /// ```swift
    /// let row: JSONValue = ["path": .string("/plugins/sp\u{EFFF}")]
    /// row.showingRawBytes  // {"path": "/plugins/sp\u{FFFD}", "pathBytes": "L3BsdWdpbnMvc3D/"}
    /// ```
    public var showingRawBytes: JSONValue {
        switch self {
        case .string(let text):
            return PathBytes.holdsRawBytes(text) ? .string(PathBytes.replacingRawBytes(text)) : self
        case .array(let elements):
            return .array(elements.map(\.showingRawBytes))
        case .object(let members):
            var shown: [String: JSONValue] = [:]
            shown.reserveCapacity(members.count)
            for (name, value) in members {
                if case .string(let text) = value, PathBytes.holdsRawBytes(text), members[name + "Bytes"] == nil {
                    shown[PathBytes.replacingRawBytes(name) + "Bytes"] = .string(Base64.encode(PathBytes.bytes(of: text)))
                }
                shown[PathBytes.replacingRawBytes(name)] = value.showingRawBytes
            }
            return .object(shown)
        case .null, .bool, .number:
            return self
        }
    }
}
