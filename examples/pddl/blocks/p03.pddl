;; generate.py blocks 8 --name blocks-p03 --seed 3
(define (problem blocks-p03)
  (:domain blocks)
  (:objects b1 b2 b3 b4 b5 b6 b7 b8)
  (:init (handempty) (ontable b4) (on b5 b4) (on b7 b5) (on b2 b7) (on b3 b2) (on b8 b3)
         (on b6 b8) (clear b6) (ontable b1) (clear b1))
  (:goal (and (ontable b7) (ontable b6) (on b8 b1) (ontable b1) (ontable b2) (ontable b3)
              (ontable b5) (ontable b4))))
