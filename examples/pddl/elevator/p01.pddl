;; generate.py elevator 3 --floors 4 --name elevator-p01 --seed 1
(define (problem elevator-p01)
  (:domain elevator)
  (:objects f0 f1 f2 f3 - floor
            p1 p2 p3 - passenger)
  (:init (lift-at f1) (above f0 f1) (above f0 f2) (above f0 f3) (above f1 f2) (above f1 f3)
         (above f2 f3) (origin p1 f0) (destin p1 f1) (origin p2 f0) (destin p2 f1)
         (origin p3 f3) (destin p3 f1))
  (:goal (and (served p1) (served p2) (served p3))))
