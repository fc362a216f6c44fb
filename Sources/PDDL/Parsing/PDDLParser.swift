/// Parses PDDL domains and problems.
///
/// Names are case-insensitive (stored lower-cased) and `;` starts a comment. A domain is checked
/// on its own (undefined predicates, types, constants, functions and variables, wrong arities); a
/// problem is checked against its domain by ``ParsedTask/init(domain:problem:)``. Numeric fluents and
/// durative actions are recognized and kept as read, never an error.
///
/// ```swift
/// let domain = try PDDLParser.parseDomain(domainText)
/// let problem = try PDDLParser.parseProblem(problemText)
/// let task = try ParsedTask(domain: domain, problem: problem)
/// ```
public enum PDDLParser {
    /// Parses and checks a domain.
    /// - Parameter text: `(define (domain …) …)`.
    /// - Returns: the domain.
    /// - Throws: ``PDDLError`` naming the line, the column and what was expected.
    public static func parseDomain(_ text: String) throws(PDDLError) -> Domain {
        let domain = try DomainParser.parse(try SExpressionReader.read(text))
        try ReferenceChecker.check(domain)
        return domain
    }

    /// Parses a problem (its syntax only; pair it with its domain in a ``ParsedTask`` to check it).
    /// - Parameter text: `(define (problem …) …)`.
    /// - Returns: the problem.
    /// - Throws: ``PDDLError`` naming the line, the column and what was expected.
    public static func parseProblem(_ text: String) throws(PDDLError) -> Problem {
        try ProblemParser.parse(try SExpressionReader.read(text))
    }

    /// Parses a domain and a problem and checks them together.
    /// - Parameters:
    ///   - domain: the domain's text.
    ///   - problem: the problem's text.
    /// - Returns: the task.
    /// - Throws: ``PDDLError`` with ``PDDLError/document`` `"domain"` or `"problem"`.
    public static func parseTask(domain: String, problem: String) throws(PDDLError) -> ParsedTask {
        let parsedDomain: Domain
        let parsedProblem: Problem
        do {
            parsedDomain = try parseDomain(domain)
        } catch {
            throw error.in(document: "domain")
        }
        do {
            parsedProblem = try parseProblem(problem)
        } catch {
            throw error.in(document: "problem")
        }
        return try ParsedTask(domain: parsedDomain, problem: parsedProblem)
    }
}

extension PDDLError {
    /// The same error, naming the text it is about.
    func `in`(document: String) -> PDDLError {
        var error = self
        error.document = document
        return error
    }
}
