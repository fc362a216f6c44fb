/// A big blocks-world task for the parser benchmark: the project's blocks domain
/// (examples/pddl/blocks) and a problem of towers of ten blocks, one fact per line.
enum LargeBlocksTask {
    static let domain = """
        (define (domain blocks)
          (:requirements :strips)
          (:predicates (on ?x ?y) (ontable ?x) (clear ?x) (handempty) (holding ?x))
          (:action pick-up :parameters (?x)
            :precondition (and (clear ?x) (ontable ?x) (handempty))
            :effect (and (holding ?x) (not (ontable ?x)) (not (clear ?x)) (not (handempty))))
          (:action put-down :parameters (?x)
            :precondition (holding ?x)
            :effect (and (ontable ?x) (clear ?x) (handempty) (not (holding ?x))))
          (:action stack :parameters (?x ?y)
            :precondition (and (holding ?x) (clear ?y))
            :effect (and (on ?x ?y) (clear ?x) (handempty) (not (holding ?x)) (not (clear ?y))))
          (:action unstack :parameters (?x ?y)
            :precondition (and (on ?x ?y) (clear ?x) (handempty))
            :effect (and (holding ?x) (clear ?y) (not (on ?x ?y)) (not (clear ?x)) (not (handempty)))))
        """

    /// A problem of at least `lines` lines: about 1.15 lines per block (objects twenty to a line,
    /// one `on`/`ontable` fact per block, one `clear` per tower), and a goal naming every tower.
    static func problem(lines: Int) -> String {
        let count = lines * 20 / 23 + 20
        var text = "(define (problem big-blocks)\n  (:domain blocks)\n  (:objects"
        for index in 0..<count { text += index % 20 == 0 ? "\n    b\(index)" : " b\(index)" }
        text += ")\n  (:init\n    (handempty)\n"
        for index in 0..<count {
            text += index % 10 == 0 ? "    (ontable b\(index))\n" : "    (on b\(index) b\(index - 1))\n"
            if index % 10 == 9 { text += "    (clear b\(index))\n" }
        }
        text += "  )\n  (:goal (and"
        for index in stride(from: 0, to: count - 10, by: 10) { text += "\n    (on b\(index) b\(index + 10))" }
        text += ")))\n"
        return text
    }
}
