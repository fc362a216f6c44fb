;; A problem with a syntax error (for the valid blocks domain): the :init section has a stray `)`
;; after (clear b), which closes the problem early, so `(handempty)` follows the end of `define`.
(define (problem syntax-error-bad-problem)
  (:domain blocks)
  (:objects a b)
  (:init (ontable a) (ontable b) (clear a) (clear b)))
         (handempty))
  (:goal (on a b)))
