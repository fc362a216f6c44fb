import PlannerKit

/// Which block stands on which, read from text such as `a on b on c, d on table`.
///
/// Clauses are separated by `,`, `;` or `and`. A clause is a tower from the top down: block
/// names joined by `on` (or `onto`), optionally ending `on table` (or `on the table`). A block
/// that no clause puts on anything stands on the table, so `c on a, b` means c on a, a on the
/// table and b on the table. A block may stand on one thing, carry one block, and no blocks may
/// stand on each other in a cycle.
struct BlockArrangement {
    /// What a block stands on.
    enum Support: Hashable {
        case table
        case block(String)
    }

    /// The blocks in the order they are first mentioned.
    private(set) var blocks: [String] = []
    /// What each block stands on.
    private(set) var supports: [String: Support] = [:]

    /// Words that cannot name a block.
    static let reservedWords: Set<String> = ["on", "onto", "and", "the", "table", "stack"]

    /// Reads an arrangement from tokens.
    /// - Parameter role: what the text describes, for error messages (`"the goal"`).
    /// - Throws: `PlanningError.invalidObjective` for text that is not a list of towers, a block
    ///   put on two things, two blocks on one, or a cycle.
    init(tokens: [Token], role: String) throws(PlanningError) {
        var explicit: [String: Support] = [:]
        for clause in Self.clauses(of: tokens) {
            let (tower, endsOnTable) = try Self.tower(in: clause, role: role)
            for (name, support) in zip(tower, tower.dropFirst()) {
                try Self.put(name, on: .block(support), into: &explicit, role: role)
            }
            if endsOnTable, let bottom = tower.last {
                try Self.put(bottom, on: .table, into: &explicit, role: role)
            }
            for name in tower where !blocks.contains(name) { blocks.append(name) }
        }
        guard !blocks.isEmpty else {
            throw PlanningError(.invalidObjective, "\(role.capitalizedFirst) names no blocks; write towers such as \"a on b on c, d on table\".")
        }
        for name in blocks { supports[name] = explicit[name] ?? .table }
        try checkOneBlockPerSupport(role: role)
        try checkNoCycles(role: role)
    }

    /// The clauses of a text: runs of words between separators and the word `and`.
    private static func clauses(of tokens: [Token]) -> [[String]] {
        var clauses: [[String]] = [[]]
        for token in tokens {
            switch token {
            case .separator, .word("and"): clauses.append([])
            case .word(let word): clauses[clauses.count - 1].append(word)
            }
        }
        return clauses.filter { !$0.isEmpty }
    }

    /// A tower `x on y on z [on table]`: its block names from the top down, and whether it ends
    /// explicitly on the table.
    private static func tower(in words: [String], role: String) throws(PlanningError) -> ([String], Bool) {
        let clause = words.joined(separator: " ")
        func invalid(_ problem: String) -> PlanningError {
            PlanningError(.invalidObjective, "In \(role), \"\(clause)\" \(problem); write towers such as \"a on b on c, d on table\".")
        }
        var names: [String] = []
        var index = 0
        while index < words.count {
            if index > 0 {
                guard words[index] == "on" || words[index] == "onto" else { throw invalid("needs \"on\" before \"\(words[index])\"") }
                index += 1
                if index < words.count, words[index] == "the" { index += 1 }
                guard index < words.count else { throw invalid("ends without saying what the block stands on") }
                if words[index] == "table" {
                    guard index == words.count - 1 else { throw invalid("puts something on the table's top") }
                    return (names, true)
                }
            }
            let name = words[index]
            guard !reservedWords.contains(name) else { throw invalid("uses \"\(name)\" where a block name belongs") }
            names.append(name)
            index += 1
        }
        return (names, false)
    }

    private static func put(_ name: String, on support: Support, into supports: inout [String: Support], role: String) throws(PlanningError) {
        if let existing = supports[name], existing != support {
            throw PlanningError(.invalidObjective, "\(role.capitalizedFirst) puts \(name) both on \(existing.name) and on \(support.name).")
        }
        supports[name] = support
    }

    private func checkOneBlockPerSupport(role: String) throws(PlanningError) {
        var carried: [String: String] = [:]
        for name in blocks {
            guard case .block(let below) = supports[name] else { continue }
            if let other = carried[below] {
                throw PlanningError(.invalidObjective, "\(role.capitalizedFirst) puts both \(other) and \(name) on \(below); a block carries at most one block.")
            }
            carried[below] = name
        }
    }

    private func checkNoCycles(role: String) throws(PlanningError) {
        for name in blocks {
            var chain = [name]
            var current = name
            while case .block(let below) = supports[current] {
                guard !chain.contains(below) else {
                    let cycle = chain.drop { $0 != below } + [below]
                    throw PlanningError(.invalidObjective, "\(role.capitalizedFirst) stacks blocks in a cycle: \(cycle.joined(separator: " on ")).")
                }
                chain.append(below)
                current = below
            }
        }
    }
}

extension BlockArrangement.Support {
    /// `the table` or the block's name, for messages.
    var name: String {
        switch self {
        case .table: "the table"
        case .block(let name): name
        }
    }
}

extension String {
    /// The string with its first character upper-cased, for starting a sentence.
    fileprivate var capitalizedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
