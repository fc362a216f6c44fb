/// Generates big blocks-world problems: towers of ten blocks, one fact per line.
enum LargeProblem {
    /// A blocks problem with `count` blocks: about `1.1 × count` lines.
    static func blocks(count: Int) -> String {
        var text = "(define (problem big-blocks)\n  (:domain blocks)\n  (:objects"
        for index in 0..<count { text += index % 20 == 0 ? "\n    b\(index)" : " b\(index)" }
        text += " - block)\n  (:init\n    (handempty)\n"
        for index in 0..<count {
            text += index % 10 == 0 ? "    (ontable b\(index))\n" : "    (on b\(index) b\(index - 1))\n"
            if index % 10 == 9 { text += "    (clear b\(index))\n" }
        }
        text += "  )\n  (:goal (and (on b0 b1))))\n"
        return text
    }
}
