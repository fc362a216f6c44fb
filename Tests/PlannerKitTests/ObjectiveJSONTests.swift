import Testing
@testable import PlannerKit

/// An objective's JSON errors quote values as JSON, never as `JSONValue` case names.
@Suite struct ObjectiveJSONTests {
    @Test(arguments: [("-1", "not -1"), (#""soon""#, #"not "soon""#), ("[1, 2]", "not [1,2]")])
    func aBadDeadlineIsQuotedAsJSON(deadline: String, expected: String) throws {
        let json = try JSONValue(parsing: #"{"text": "x", "deadline": \#(deadline)}"#)
        #expect {
            _ = try Objective(json: json)
        } throws: { error in
            let message = (error as? DataFormatError)?.description ?? ""
            return message.hasSuffix(expected) && !message.contains("number(") && !message.contains("string(")
        }
    }
}
