import Testing
@testable import PDDL

@Suite struct SExpressionReaderTests {
    @Test func readsNamesLowerCasedWithPositionsAndSkipsComments() throws {
        let tree = try SExpressionReader.read("; header\n(Define (DOMAIN Blocks) ; trailing\n  (:ACTION Pick-Up))\n; after")
        #expect(tree.description == "(define (domain blocks) (:action pick-up))")
        #expect(tree.position == SourcePosition(line: 2, column: 1))
        let elements = try #require(tree.elements)
        #expect(elements[2].position == SourcePosition(line: 3, column: 3))
        #expect(elements[2].elements?[1] == .atom("pick-up", SourcePosition(line: 3, column: 12)))
    }

    @Test func countsColumnsInCharactersNotBytes() throws {
        let tree = try SExpressionReader.read("(é ü x)")
        #expect(tree.elements?[2].position == SourcePosition(line: 1, column: 6))
        #expect(tree.elements?[0].atom == "é")
    }

    @Test func reportsTheInnermostUnclosedList() {
        let text = "(define (domain d)\n  (:action a\n    :effect (p)"
        let error = pddlError { _ = try SExpressionReader.read(text) }
        #expect(error?.code == .syntax)
        #expect(error?.description == "line 3, column 16: expected ')' to close the (:action a … opened at line 2, column 3, but the text ended")
    }

    @Test(arguments: [
        (")", 1, 1, "unexpected ')' with no '(' open"),
        ("(a) (b)", 1, 5, "unexpected text after the end of the (a)"),
        ("(a)\nb", 2, 1, "unexpected text after the end of the (a)"),
        ("define", 1, 1, "expected '(' to start the text, found 'define'"),
        ("  ; nothing", 1, 12, "the text is empty"),
    ])
    func rejectsTextOutsideOneList(text: String, line: Int, column: Int, fragment: String) {
        let error = pddlError { _ = try SExpressionReader.read(text) }
        #expect(error?.position == SourcePosition(line: line, column: column))
        #expect(error?.message.contains(fragment) == true, "\(String(describing: error))")
    }

    @Test func capsNestingDepthWithoutOverflowingTheStack() {
        let text = String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000)
        let error = pddlError { _ = try SExpressionReader.read(text) }
        #expect(error?.code == .nestingTooDeep)
        #expect(error?.position == SourcePosition(line: 1, column: SExpressionReader.maximumDepth + 1))
    }
}
