;; A domain with a syntax error, for error tests: the precondition of `stack` is missing its
;; closing parenthesis, so the action's list never closes (the parser reaches the end of the file).
(define (domain syntax-error)
  (:requirements :strips)
  (:predicates (on ?x ?y) (ontable ?x) (clear ?x) (handempty) (holding ?x))

  (:action pick-up
    :parameters (?x)
    :precondition (and (clear ?x) (ontable ?x) (handempty))
    :effect (and (holding ?x) (not (ontable ?x)) (not (clear ?x)) (not (handempty))))

  (:action stack
    :parameters (?x ?y)
    :precondition (and (holding ?x) (clear ?y)
    :effect (and (on ?x ?y) (clear ?x) (handempty) (not (holding ?x)) (not (clear ?y)))))
