;; Unsolvable: the goal asks for a cycle a on b, b on c, c on a. Proof: every block stands on the
;; table or on exactly one block, and a stack always starts at the table; a cycle of `on` would be
;; a stack with no bottom. Formally, in every reachable state the `on` relation is acyclic (it is
;; in the initial state, and stack ?x ?y needs ?x held, so ?x is on nothing and nothing is on ?x).
(define (problem blocks-unsolvable)
  (:domain blocks)
  (:objects a b c)
  (:init (ontable a) (ontable b) (ontable c) (clear a) (clear b) (clear c) (handempty))
  (:goal (and (on a b) (on b c) (on c a))))
