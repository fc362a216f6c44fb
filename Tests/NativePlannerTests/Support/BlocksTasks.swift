/// Blocks-world problems made up in the tests, deterministic from a seed.
enum BlocksTasks {
    /// A problem with `count` blocks in random towers, and a random goal of towers.
    static func random(blocks count: Int, seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed)
        let names = (1...count).map { "b\($0)" }
        let start = towers(names, &generator)
        let end = towers(names, &generator)
        var initial = ["(handempty)"]
        for tower in start {
            initial.append("(ontable \(tower[0]))")
            for (lower, upper) in zip(tower, tower.dropFirst()) { initial.append("(on \(upper) \(lower))") }
            initial.append("(clear \(tower[tower.count - 1]))")
        }
        var goal: [String] = []
        for tower in end {
            goal.append("(ontable \(tower[0]))")
            for (lower, upper) in zip(tower, tower.dropFirst()) { goal.append("(on \(upper) \(lower))") }
        }
        return problem(names, initial, goal)
    }

    /// A problem whose goal is a cycle of `on` over every block: unsolvable, but reachable when
    /// actions delete nothing, so only a search can tell (and never finishes on many blocks).
    static func cyclicGoal(blocks count: Int) -> String {
        let names = (1...count).map { "b\($0)" }
        let initial = ["(handempty)"] + names.flatMap { ["(ontable \($0))", "(clear \($0))"] }
        let goal = names.indices.map { "(on \(names[$0]) \(names[($0 + 1) % count]))" }
        return problem(names, initial, goal)
    }

    static func problem(_ names: [String], _ initial: [String], _ goal: [String]) -> String {
        """
        (define (problem generated) (:domain blocks)
          (:objects \(names.joined(separator: " ")))
          (:init \(initial.joined(separator: " ")))
          (:goal (and \(goal.joined(separator: " ")))))
        """
    }

    static func towers(_ names: [String], _ generator: inout SeededGenerator) -> [[String]] {
        var result: [[String]] = []
        for name in names.shuffled(using: &generator) {
            if result.isEmpty || Int.random(in: 0..<3, using: &generator) == 0 {
                result.append([name])
            } else {
                result[Int.random(in: 0..<result.count, using: &generator)].append(name)
            }
        }
        return result
    }
}

/// SplitMix64: a small deterministic random number generator.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
