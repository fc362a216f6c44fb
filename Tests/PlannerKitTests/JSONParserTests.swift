import Testing
@testable import PlannerKit

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue(parsing: #"{"a": [1, -2.5, true, false, null], "b": "x\"y\u00e9\ud83d\ude00", "c": {}}"#)
        #expect(value["a"] == [1, -2.5, true, false, nil])
        #expect(value["b"]?.stringValue == "x\"yé😀")
        #expect(value["c"] == .object([:]))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a member name"),
        ("{\n  \"a\": tru\n}", 2, 8, "expected a value"),
        ("[1 2]", 1, 4, "expected ',' or ']'"),
        ("{\"a\": \"open", 1, 7, "never closed"),
        ("01", 1, 2, "leading zero"),
        ("", 1, 1, "unexpected end of input"),
        ("{} x", 1, 4, "after the end of the document"),
    ])
    func reportsLineAndColumn(text: String, line: Int, column: Int, fragment: String) {
        #expect {
            _ = try JSONValue(parsing: text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.line == line && error.column == column && error.message.contains(fragment)
        }
    }

    @Test func rejectsInvalidUTF8InStrings() {
        let bytes: [UInt8] = Array(#"{"name": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: JSONParseError.self) { _ = try JSONValue(parsing: bytes) }
    }

    @Test func rejectsDeepNesting() {
        let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: JSONParseError.self) { _ = try JSONValue(parsing: text) }
    }

    @Test func serializationRoundTrips() throws {
        let value: JSONValue = ["b": [1, 2.5, "t\n\u{01}"], "a": nil, "c": ["x": true]]
        let text = value.serialized()
        #expect(text == #"{"a":null,"b":[1,2.5,"t\n\u0001"],"c":{"x":true}}"#)
        #expect(try JSONValue(parsing: text) == value)
        #expect(try JSONValue(parsing: value.serialized(pretty: true)) == value)
    }

    @Test func objectiveAndPlanRoundTrip() throws {
        let objective = Objective(text: "route from 0,0 to 1,1", capabilities: ["grid"], parameters: ["map": "..\n.."])
        #expect(try Objective(json: objective.json) == objective)
        let plan = Plan(planner: "p", steps: ["a", "b"], cost: 2, stats: ["optimal": true])
        #expect(try Plan(json: plan.json) == plan)
        #expect(throws: DataFormatError.self) { _ = try Objective(json: ["text": 3]) }
    }

    @Test func objectiveWords() {
        #expect(Objective.words(of: "Route FROM 0,0 to 7,3, quickly!") == ["route", "from", "0", "0", "to", "7", "3", "quickly"])
    }
}
