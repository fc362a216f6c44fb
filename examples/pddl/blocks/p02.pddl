;; generate.py blocks 6 --name blocks-p02 --seed 2
(define (problem blocks-p02)
  (:domain blocks)
  (:objects b1 b2 b3 b4 b5 b6)
  (:init (handempty) (ontable b1) (on b6 b1) (on b5 b6) (clear b5) (ontable b2) (on b4 b2)
         (on b3 b4) (clear b3))
  (:goal (and (on b2 b5) (on b6 b2) (ontable b5) (ontable b3) (on b4 b1) (ontable b1))))
