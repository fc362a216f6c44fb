;; generate.py blocks 4 --name blocks-p01 --seed 1
(define (problem blocks-p01)
  (:domain blocks)
  (:objects b1 b2 b3 b4)
  (:init (handempty) (ontable b2) (on b3 b2) (on b1 b3) (clear b1) (ontable b4) (clear b4))
  (:goal (and (on b2 b1) (on b4 b2) (ontable b1) (ontable b3))))
